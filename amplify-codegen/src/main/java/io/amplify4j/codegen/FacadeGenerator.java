package io.amplify4j.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.plan.ModelPlan;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** The one entry point of the API: a client per model and the custom operations, over one GraphQLClient. */
final class FacadeGenerator {
    private final CodegenContext context;

    FacadeGenerator(CodegenContext context) {
        this.context = context;
    }

    TypeSpec generate() {
        ClassName facade = context.facade();
        TypeSpec.Builder type = context.qualified(TypeSpec.classBuilder(facade), facade).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The typed client of the API of backend {@code $L}. Thread-safe; create one per"
                        + " {@code GraphQLClient}:\n\n<pre>{@code\n$T api = new $T(GraphQLClient.builder()"
                        + "...build());\n}</pre>\n", context.plan().model().name(), facade, facade);
        ClientSupport.basics(type, facade, "The API");
        type.addMethod(MethodSpec.methodBuilder("graphql")
                .addModifiers(Modifier.PUBLIC)
                .returns(Runtime.GRAPHQL_CLIENT)
                .addJavadoc("The GraphQL client every call goes through, for requests of your own.\n")
                .addStatement("return $N", ClientSupport.GRAPHQL)
                .build());
        for (ModelPlan model : context.data().models()) {
            CodegenContext.ModelClasses classes = context.classes(model);
            type.addMethod(MethodSpec.methodBuilder(classes.accessor())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(classes.client())
                    .addJavadoc("The {@code $L} operations.\n", model.name())
                    .addStatement("return new $T($N, $N)", classes.client(), ClientSupport.GRAPHQL,
                            ClientSupport.AUTH_MODE)
                    .build());
        }
        for (Map.Entry<CustomOperation.Type, ClassName> entry : context.operationClasses().entrySet()) {
            String accessor = switch (entry.getKey()) {
                case QUERY -> "queries";
                case MUTATION -> "mutations";
                case SUBSCRIPTION -> "subscriptions";
            };
            type.addMethod(MethodSpec.methodBuilder(accessor)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(entry.getValue())
                    .addJavadoc("The custom $L.\n", accessor)
                    .addStatement("return new $T($N, $N)", entry.getValue(), ClientSupport.GRAPHQL,
                            ClientSupport.AUTH_MODE)
                    .build());
        }
        context.conversationsClass().ifPresent(conversations -> type.addMethod(MethodSpec.methodBuilder("conversations")
                .addModifiers(Modifier.PUBLIC)
                .returns(conversations)
                .addJavadoc("The conversation routes: talk with the assistant of each.\n")
                .addStatement("return new $T($N, $N)", conversations, ClientSupport.GRAPHQL, ClientSupport.AUTH_MODE)
                .build()));
        return type.build();
    }
}
