package io.amplify4j.client;

import java.util.OptionalInt;

/**
 * The request did not get a GraphQL answer: the connection failed or timed out, the body was not JSON, or the HTTP
 * status was an error without GraphQL errors to explain it.
 */
public class GraphQLTransportException extends RuntimeException {
    private final OptionalInt httpStatus;

    public GraphQLTransportException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = OptionalInt.empty();
    }

    public GraphQLTransportException(String message, int httpStatus) {
        super(message);
        this.httpStatus = OptionalInt.of(httpStatus);
    }

    /** The HTTP status, when a response arrived. */
    public OptionalInt httpStatus() {
        return httpStatus;
    }
}
