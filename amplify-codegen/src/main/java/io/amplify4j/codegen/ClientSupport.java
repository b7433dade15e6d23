package io.amplify4j.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * The members every generated client class shares: the {@code GraphQLClient} it calls, the optional per-call auth
 * mode, {@code withAuthMode}, and the blocking/{@code CompletableFuture} method pairs around one request method.
 */
final class ClientSupport {
    static final String GRAPHQL = "graphql";
    static final String AUTH_MODE = "authMode";

    private ClientSupport() {}

    /** Fields, constructors and {@code withAuthMode} of a client class {@code self}. */
    static void basics(TypeSpec.Builder type, ClassName self, String what) {
        type.addField(Runtime.GRAPHQL_CLIENT, GRAPHQL, Modifier.PRIVATE, Modifier.FINAL);
        type.addField(Runtime.AUTH_MODE, AUTH_MODE, Modifier.PRIVATE, Modifier.FINAL);
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Runtime.GRAPHQL_CLIENT, GRAPHQL)
                .addJavadoc("$L through {@code graphql}, with its default auth mode.\n", what)
                .addStatement("this($N, null)", GRAPHQL)
                .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addParameter(Runtime.GRAPHQL_CLIENT, GRAPHQL)
                .addParameter(Runtime.AUTH_MODE, AUTH_MODE)
                .addStatement("this.$N = $T.requireNonNull($N, $S)", GRAPHQL, java.util.Objects.class, GRAPHQL,
                        GRAPHQL)
                .addStatement("this.$N = $N", AUTH_MODE, AUTH_MODE)
                .build());
        type.addMethod(MethodSpec.methodBuilder("withAuthMode")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Runtime.AUTH_MODE, "mode")
                .returns(self)
                .addJavadoc("The same client sending every request with {@code mode} instead of the default one.\n")
                .addStatement("return new $T($N, mode)", self, GRAPHQL)
                .build());
    }

    /** {@code GraphQLRequest.builder(type).document(..).operationName(..).responseField(..)}. */
    static CodeBlock requestStart(CodeBlock responseType, String document, String operationName, String field) {
        return CodeBlock.of("$T.builder($L)\n.document($N)\n.operationName($S)\n.responseField($S)",
                Runtime.GRAPHQL_REQUEST, responseType, document, operationName, field);
    }

    /** {@code Foo.class}, or a constant {@code TypeReference} for generic types. */
    static CodeBlock responseType(TypeName type, TypeSpec.Builder owner, JavaNames.Scope statics, String hint) {
        if (type instanceof ClassName) {
            return CodeBlock.of("$T.class", type);
        }
        String name = statics.allocate(hint);
        TypeName reference = ParameterizedTypeName.get(Runtime.TYPE_REFERENCE, type);
        owner.addField(FieldSpec.builder(reference, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T() {}", reference)
                .build());
        return CodeBlock.of("$N", name);
    }

    /** The end of a request method: the auth mode when set, then build. */
    static void finishRequest(MethodSpec.Builder method) {
        method.addStatement("return ($N == null ? request : request.authMode($N)).build()", AUTH_MODE, AUTH_MODE);
    }

    /** The request builder type for {@code T}. */
    static TypeName requestBuilder(TypeName t) {
        return ParameterizedTypeName.get(Runtime.GRAPHQL_REQUEST.nestedClass("Builder"), t);
    }

    static TypeName request(TypeName t) {
        return ParameterizedTypeName.get(Runtime.GRAPHQL_REQUEST, t);
    }

    static TypeName future(TypeName t) {
        return ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), t);
    }

    static TypeName optional(TypeName t) {
        return ParameterizedTypeName.get(ClassName.get(Optional.class), t);
    }

    static TypeName list(TypeName t) {
        return ParameterizedTypeName.get(ClassName.get(List.class), t);
    }

    /** The arguments of a call as a comma-separated list of parameter names. */
    static CodeBlock names(List<String> names) {
        return names.stream().map(n -> CodeBlock.of("$N", n)).collect(CodeBlock.joining(", "));
    }
}
