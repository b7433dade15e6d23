package io.amplify4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The API answered, with GraphQL errors: the errors as AppSync wrote them, the HTTP status, and the partial
 * {@code data} when the response carried any (AppSync nulls the failed fields and keeps the rest).
 *
 * <p>{@link #of} picks the most specific subclass: {@link ConditionalCheckFailedException} for a failed DynamoDB
 * condition, {@link UnauthorizedException} for a refused caller.
 */
public class GraphQLResponseException extends RuntimeException {
    private final transient List<GraphQLError> errors;
    private final transient Optional<JsonNode> data;
    private final int httpStatus;

    /**
     * @param errors the response's errors (at least one)
     * @param data the response's {@code data}, when it was present and not null
     * @param httpStatus the HTTP status (or 200 for errors that came over the real-time channel)
     */
    public GraphQLResponseException(List<GraphQLError> errors, Optional<JsonNode> data, int httpStatus) {
        super(describe(errors, httpStatus));
        this.errors = List.copyOf(errors);
        this.data = Objects.requireNonNull(data, "data");
        this.httpStatus = httpStatus;
    }

    /** The exception for a response: a subclass when the errors say what kind of failure it is. */
    public static GraphQLResponseException of(List<GraphQLError> errors, Optional<JsonNode> data, int httpStatus) {
        for (GraphQLError error : errors) {
            if (error.errorType().filter(ConditionalCheckFailedException::isConditionalCheckFailure).isPresent()) {
                return new ConditionalCheckFailedException(errors, data, httpStatus);
            }
        }
        if (httpStatus == 401 || httpStatus == 403 || errors.stream().anyMatch(
                e -> e.errorType().filter(UnauthorizedException::isUnauthorized).isPresent())) {
            return new UnauthorizedException(errors, data, httpStatus);
        }
        return new GraphQLResponseException(errors, data, httpStatus);
    }

    /** Every error of the response, in order. */
    public List<GraphQLError> errors() {
        return errors;
    }

    /** The partial {@code data}, when the response carried some. */
    public Optional<JsonNode> data() {
        return data;
    }

    /** The HTTP status of the response (200 for partial results). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The first error's {@code errorType}, when it has one. */
    public Optional<String> errorType() {
        return errors.isEmpty() ? Optional.empty() : errors.get(0).errorType();
    }

    private static String describe(List<GraphQLError> errors, int httpStatus) {
        String listed = errors.stream().map(GraphQLError::toString).collect(Collectors.joining("; "));
        return (httpStatus == 200 ? "" : "HTTP " + httpStatus + ": ") + listed;
    }
}
