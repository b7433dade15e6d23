package io.amplify4j.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * One GraphQL call as generated methods: {@code xRequest(..)} builds the request (a value that can be kept and
 * sent again), {@code x(..)} sends it and blocks, {@code xAsync(..)} returns a {@code CompletableFuture};
 * subscriptions get {@code x(..)} returning the subscription.
 */
final class Calls {
    private Calls() {}

    /** A parameter, its Java type, and the variable it fills (empty for parameters the request uses otherwise). */
    record Param(String javaName, TypeName type, String javadoc) {
        ParameterSpec spec() {
            return ParameterSpec.builder(type, javaName).build();
        }
    }

    /**
     * @param method the method name
     * @param params its parameters
     * @param result T of the request
     * @param optional true when the blocking method returns {@code Optional<T>} (a get that may find nothing)
     * @param subscription true for subscriptions
     * @param javadoc what the call does (first sentence)
     * @param request statements ending in {@code return ...build()}, building the request
     */
    record Call(String method, List<Param> params, TypeName result, boolean optional, boolean subscription,
            String javadoc, CodeBlock request) {}

    /** Adds the call's methods to {@code type}. */
    static void add(TypeSpec.Builder type, Call call) {
        List<ParameterSpec> params = call.params().stream().map(Param::spec).toList();
        CodeBlock args = ClientSupport.names(call.params().stream().map(Param::javaName).toList());
        String paramDocs = paramDocs(call.params());
        MethodSpec.Builder request = MethodSpec.methodBuilder(call.method() + "Request")
                .addModifiers(Modifier.PUBLIC)
                .addParameters(params)
                .returns(ClientSupport.request(call.result()))
                .addJavadoc("The request of {@link #$L}, to send later or change.\n$L", call.method(), paramDocs)
                .addCode(call.request());
        type.addMethod(request.build());
        if (call.subscription()) {
            type.addMethod(MethodSpec.methodBuilder(call.method())
                    .addModifiers(Modifier.PUBLIC)
                    .addParameters(params)
                    .returns(java.util.Objects.requireNonNull(
                            com.palantir.javapoet.ParameterizedTypeName.get(Runtime.GRAPHQL_SUBSCRIPTION,
                                    call.result())))
                    .addJavadoc("$L Events arrive once {@code established()} completes; close the subscription to"
                            + " stop.\n$L", call.javadoc(), paramDocs)
                    .addStatement("return $N.subscribe($NRequest($L))", ClientSupport.GRAPHQL, call.method(), args)
                    .build());
            return;
        }
        TypeName blocking = call.optional() ? ClientSupport.optional(call.result()) : call.result();
        MethodSpec.Builder sync = MethodSpec.methodBuilder(call.method())
                .addModifiers(Modifier.PUBLIC)
                .addParameters(params)
                .returns(blocking)
                .addJavadoc("$L\n$L", call.javadoc(), paramDocs);
        MethodSpec.Builder async = MethodSpec.methodBuilder(call.method() + "Async")
                .addModifiers(Modifier.PUBLIC)
                .addParameters(params)
                .returns(ClientSupport.future(blocking))
                .addJavadoc("$L Does not block: the future completes with the result or the error.\n$L",
                        call.javadoc(), paramDocs);
        if (call.optional()) {
            sync.addStatement("return $T.ofNullable($N.execute($NRequest($L)))", Optional.class,
                    ClientSupport.GRAPHQL, call.method(), args);
            async.addStatement("return $N.executeAsync($NRequest($L)).thenApply($T::ofNullable)",
                    ClientSupport.GRAPHQL, call.method(), args, Optional.class);
        } else {
            sync.addStatement("return $N.execute($NRequest($L))", ClientSupport.GRAPHQL, call.method(), args);
            async.addStatement("return $N.executeAsync($NRequest($L))", ClientSupport.GRAPHQL, call.method(), args);
        }
        sync.addJavadoc("@throws io.amplify4j.client.GraphQLResponseException when the API answers with errors\n");
        type.addMethod(sync.build());
        type.addMethod(async.build());
    }

    private static String paramDocs(List<Param> params) {
        if (params.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (Param p : params) {
            lines.add("@param " + p.javaName() + " " + p.javadoc());
        }
        return "\n" + String.join("\n", lines) + "\n";
    }

    /** Request statements: builder start, one {@code .variable} per entry, auth mode, build. */
    static CodeBlock request(TypeName result, CodeBlock start, List<CodeBlock> variables) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.add("$T request = $>$>$L", ClientSupport.requestBuilder(result), start);
        for (CodeBlock variable : variables) {
            code.add("\n.variable($L)", variable);
        }
        code.add(";\n$<$<");
        code.addStatement("return ($N == null ? request : request.authMode($N)).build()", ClientSupport.AUTH_MODE,
                ClientSupport.AUTH_MODE);
        return code.build();
    }
}
