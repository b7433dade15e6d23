package io.amplify4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The caller was refused: HTTP 401 or 403 ({@code UnauthorizedException}: no or bad credentials), or a field the
 * caller may not access ({@code errorType: Unauthorized}, with the rest of the data intact).
 */
public class UnauthorizedException extends GraphQLResponseException {
    public UnauthorizedException(List<GraphQLError> errors, Optional<JsonNode> data, int httpStatus) {
        super(errors, data, httpStatus);
    }

    static boolean isUnauthorized(String errorType) {
        return errorType.equals("Unauthorized") || errorType.equals("UnauthorizedException");
    }
}
