package io.amplify4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A write's DynamoDB condition did not hold ({@code DynamoDB:ConditionalCheckFailedException}): the condition given
 * with the mutation, an owner or group check that the resolver compiled into the condition, a version mismatch, or a
 * create for an id that already exists. Nothing was written.
 */
public class ConditionalCheckFailedException extends GraphQLResponseException {
    public ConditionalCheckFailedException(List<GraphQLError> errors, Optional<JsonNode> data, int httpStatus) {
        super(errors, data, httpStatus);
    }

    static boolean isConditionalCheckFailure(String errorType) {
        return errorType.equals("DynamoDB:ConditionalCheckFailedException")
                || errorType.equals("ConditionalCheckFailedException");
    }
}
