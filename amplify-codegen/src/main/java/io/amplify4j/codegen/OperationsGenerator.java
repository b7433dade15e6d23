package io.amplify4j.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.plan.OperationShapes;
import io.amplify4j.plan.OperationShapes.Argument;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The custom queries, mutations or subscriptions of the API, one class per root type. */
final class OperationsGenerator {
    private final CodegenContext context;

    OperationsGenerator(CodegenContext context) {
        this.context = context;
    }

    TypeSpec generate(CustomOperation.Type rootType, ClassName name) {
        TypeSpec.Builder type = context.qualified(TypeSpec.classBuilder(name), name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The custom $L of the API.\n", switch (rootType) {
                    case QUERY -> "queries";
                    case MUTATION -> "mutations";
                    case SUBSCRIPTION -> "subscriptions";
                });
        ClientSupport.basics(type, name, "Calls the custom operations");
        JavaNames.Scope methods = new JavaNames.Scope("withAuthMode");
        JavaNames.Scope statics = new JavaNames.Scope();
        for (CustomOperation operation : context.data().definition().operations()) {
            if (operation.type() != rootType) {
                continue;
            }
            String returnType = OperationShapes.returnType(operation);
            TypeName result = context.javaType(returnType);
            List<Argument> arguments = operation.arguments().stream()
                    .map(a -> new Argument(a.name(), context.inputSdl(a.type()))).toList();
            String keyword = switch (rootType) {
                case QUERY -> "query";
                case MUTATION -> "mutation";
                case SUBSCRIPTION -> "subscription";
            };
            String documentName = statics.allocate(JavaNames.constant(operation.name()));
            type.addField(FieldSpec.builder(String.class, documentName, Modifier.PUBLIC, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("The {@code $L} document.\n", operation.name())
                    .initializer("$S", Documents.operation(keyword, operation.name(), arguments,
                            context.selection(returnType)))
                    .build());
            CodeBlock responseType = ClientSupport.responseType(result, type, statics,
                    JavaNames.constant(operation.name()) + "_TYPE");
            JavaNames.Scope params = new JavaNames.Scope("request");
            List<Calls.Param> callParams = new ArrayList<>();
            List<CodeBlock> variables = new ArrayList<>();
            for (CustomOperation.Argument argument : operation.arguments()) {
                Calls.Param param = new Calls.Param(params.allocate(JavaNames.member(argument.name())),
                        context.javaType(argument.type()), argument.description().map(Javadoc::text)
                                .orElse((argument.type().required() ? "the required" : "the optional, nullable")
                                        + " {@code " + argument.name() + "}"));
                callParams.add(param);
                variables.add(CodeBlock.of("$S, $L", argument.name(), context.wireValue(argument.type(),
                        param.javaName())));
            }
            String method = methods.allocate(JavaNames.member(operation.name()));
            methods.reserve(method + "Async", method + "Request");
            CodeBlock request = Calls.request(result, ClientSupport.requestStart(responseType, documentName,
                    Documents.operationName(operation.name()), operation.name()), variables);
            Calls.add(type, new Calls.Call(method, callParams, result, false,
                    rootType == CustomOperation.Type.SUBSCRIPTION,
                    about(operation), request));
        }
        return type.build();
    }

    /**
     * The javadoc of an operation: its description, or what it calls. A generation route also says which model
     * answers it, since that is what the caller pays for and waits on.
     */
    private static String about(CustomOperation operation) {
        String text = operation.description().map(Javadoc::text).orElseGet(() -> operation.generation().isPresent()
                ? "Generates {@code " + OperationShapes.returnType(operation) + "} with a model (generation route {@code "
                        + operation.name() + "})."
                : "Calls {@code " + operation.name() + "}.");
        return operation.generation().map(g -> text + "\n\n<p>Answered by " + Javadoc.text(g.aiModel().friendlyName())
                + " on Amazon Bedrock ({@code " + g.aiModel().bedrockModelId() + "}) in one request.").orElse(text);
    }
}
