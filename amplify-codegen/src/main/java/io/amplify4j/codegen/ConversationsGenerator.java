package io.amplify4j.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.amplify4j.model.data.ConversationDefinition;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.plan.ConversationPlan;
import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.OperationShapes.Argument;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The entry points of the API's conversation routes: per route a {@code ConversationRoute} constant holding the
 * GraphQL documents of its operations, written from the plan's names (so the golden files show the wire format),
 * and a method returning amplify-client's {@code ConversationClient} over it.
 */
final class ConversationsGenerator {
    private final CodegenContext context;

    ConversationsGenerator(CodegenContext context) {
        this.context = context;
    }

    TypeSpec generate(ClassName name) {
        TypeSpec.Builder type = context.qualified(TypeSpec.classBuilder(name), name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The conversation routes of the API. Each answers with a {@code $T}: create and list the"
                        + " caller's conversations, send messages, receive the assistant's answers as they stream,"
                        + " list a conversation's messages.\n", Runtime.CONVERSATION_CLIENT);
        ClientSupport.basics(type, name, "The conversation routes");
        JavaNames.Scope methods = new JavaNames.Scope("withAuthMode");
        JavaNames.Scope statics = new JavaNames.Scope();
        for (ConversationPlan route : context.data().conversations()) {
            String constant = statics.allocate(JavaNames.constant(route.route()));
            type.addField(FieldSpec.builder(Runtime.CONVERSATION_ROUTE, constant, Modifier.PUBLIC, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("The operations of conversation route {@code $L}.\n", route.route())
                    .initializer(routeValue(route))
                    .build());
            ConversationDefinition definition = context.data().definition().conversations().stream()
                    .filter(c -> c.name().equals(route.route())).findFirst().orElseThrow();
            String about = definition.description().map(Javadoc::text)
                    .orElse("The conversations of route {@code " + route.route() + "}.");
            type.addMethod(MethodSpec.methodBuilder(methods.allocate(JavaNames.member(route.route())))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(Runtime.CONVERSATION_CLIENT)
                    .addJavadoc("$L\n\n<p>Answered by $L on Amazon Bedrock ({@code $L}), through function"
                            + " {@code $L}.\n", about, Javadoc.text(route.aiModel().friendlyName()),
                            route.aiModel().bedrockModelId(), route.handlerFunction())
                    .addStatement("$T client = new $T($N, $N)", Runtime.CONVERSATION_CLIENT,
                            Runtime.CONVERSATION_CLIENT, ClientSupport.GRAPHQL, constant)
                    .addStatement("return $N == null ? client : client.withAuthMode($N)", ClientSupport.AUTH_MODE,
                            ClientSupport.AUTH_MODE)
                    .build());
        }
        return type.build();
    }

    private CodeBlock routeValue(ConversationPlan route) {
        ModelPlan conversation = context.data().model(route.conversationModel()).orElseThrow();
        ModelPlan messages = context.data().model(route.messageModel()).orElseThrow();
        String conversationFields = context.selection(conversation.name());
        String messageFields = context.selection(messages.name());
        String create = operation(conversation, ModelOperationKind.CREATE);
        String get = operation(conversation, ModelOperationKind.GET);
        String list = operation(conversation, ModelOperationKind.LIST);
        String delete = operation(conversation, ModelOperationKind.DELETE);
        CustomOperation send = context.data().definition().operation(route.route()).orElseThrow();
        CustomOperation subscription = context.data().definition().operation(route.subscription()).orElseThrow();
        List<CodeBlock> operations = List.of(
                op(create, Documents.operation("mutation", create, List.of(new Argument("input",
                        conversation.names().createInput() + "!")), conversationFields)),
                op(get, Documents.operation("query", get, List.of(new Argument("id", "ID!")), conversationFields)),
                op(list, Documents.operation("query", list, List.of(new Argument("limit", "Int"),
                        new Argument("nextToken", "String")), Documents.connection(conversationFields))),
                op(delete, Documents.operation("mutation", delete, List.of(new Argument("input",
                        conversation.names().deleteInput() + "!")), conversationFields)),
                op(send.name(), Documents.operation("mutation", send.name(), arguments(send), messageFields)),
                op(route.messageIndexQuery(), Documents.operation("query", route.messageIndexQuery(), List.of(
                        new Argument("conversationId", "ID!"), new Argument("sortDirection", "ModelSortDirection"),
                        new Argument("limit", "Int"), new Argument("nextToken", "String")),
                        Documents.connection(messageFields))),
                op(subscription.name(), Documents.operation("subscription", subscription.name(),
                        arguments(subscription), context.selection(
                                io.amplify4j.plan.OperationShapes.returnType(subscription)))));
        return CodeBlock.builder()
                .add("new $T($S,\n$>$>", Runtime.CONVERSATION_ROUTE, route.route())
                .add(CodeBlock.join(operations, ",\n"))
                .add(")$<$<")
                .build();
    }

    private List<Argument> arguments(CustomOperation operation) {
        return operation.arguments().stream().map(a -> new Argument(a.name(), context.inputSdl(a.type()))).toList();
    }

    private static String operation(ModelPlan model, ModelOperationKind kind) {
        return model.operation(kind).orElseThrow(() -> new IllegalStateException("Conversation model "
                + model.name() + " has no " + kind + " operation"));
    }

    private static CodeBlock op(String field, String document) {
        return CodeBlock.of("new $T($S, $S)", Runtime.CONVERSATION_ROUTE.nestedClass("Operation"), field, document);
    }
}
