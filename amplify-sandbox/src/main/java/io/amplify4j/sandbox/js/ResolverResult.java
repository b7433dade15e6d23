package io.amplify4j.sandbox.js;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one pipeline resolver run.
 *
 * @param data the field's value as plain JSON Java values ({@code null} when the resolver failed with
 *     {@code util.error}, a code error, or returned nothing)
 * @param errors the GraphQL errors, in the order they were raised ({@code util.appendError} ones first, then the
 *     one that stopped the resolver, if any)
 * @param extensions what the resolver recorded through {@code extensions}
 */
public record ResolverResult(Object data, List<GraphQLError> errors, ResolverExtensions extensions) {
    public ResolverResult {
        errors = List.copyOf(errors);
        Objects.requireNonNull(extensions, "extensions");
    }

    /** True when the resolver raised no error at all. */
    public boolean ok() {
        return errors.isEmpty();
    }
}
