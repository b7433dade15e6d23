package io.amplify4j.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole GraphQL answer, for callers who want partial results rather than an exception: the result (when the
 * response field held a value) and the errors (empty on success).
 *
 * @param data the value of the response field, when there was one
 * @param errors the response's errors
 * @param httpStatus the HTTP status
 * @param <T> the result type
 */
public record GraphQLResponse<T>(Optional<T> data, List<GraphQLError> errors, int httpStatus) {
    public GraphQLResponse {
        Objects.requireNonNull(data, "data");
        errors = List.copyOf(errors);
    }

    static <T> GraphQLResponse<T> of(T value) {
        return new GraphQLResponse<>(Optional.ofNullable(value), List.of(), 200);
    }

    /** True when the response carried errors. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
