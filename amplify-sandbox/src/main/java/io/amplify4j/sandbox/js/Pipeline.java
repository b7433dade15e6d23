package io.amplify4j.sandbox.js;

import java.util.List;
import java.util.Objects;

/**
 * A pipeline resolver: the resolver module (its {@code request} runs before the functions and its {@code response}
 * after them) and the functions in order.
 *
 * @param resolverModule the resolver module's path in the engine's module set
 * @param functions the functions, in order
 */
public record Pipeline(String resolverModule, List<PipelineFunction> functions) {
    public Pipeline {
        Objects.requireNonNull(resolverModule, "resolverModule");
        functions = List.copyOf(functions);
    }

    public static Pipeline of(String resolverModule, PipelineFunction... functions) {
        return new Pipeline(resolverModule, List.of(functions));
    }
}
