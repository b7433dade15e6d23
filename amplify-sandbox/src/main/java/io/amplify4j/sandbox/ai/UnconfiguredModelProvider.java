package io.amplify4j.sandbox.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The model provider of a sandbox that has none: every call fails with a message naming what to configure. A
 * sandbox uses it when no provider was given and {@link BedrockModelProvider#fromEnvironment} finds no
 * credentials or no region.
 */
final class UnconfiguredModelProvider implements ModelProvider {
    /** The error type of its failures. */
    static final String ERROR_TYPE = "ModelProviderNotConfiguredException";

    private final String reason;

    UnconfiguredModelProvider(String reason) {
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** What the failures say. */
    String message() {
        return "AI routes are not available in this sandbox: " + reason + ". Configure AWS credentials or a profile"
                + " (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE) and AWS_REGION so that the sandbox calls"
                + " Amazon Bedrock, or give the sandbox a model provider with"
                + " Sandbox.builder(...).modelProvider(...).";
    }

    @Override
    public JsonNode converse(String modelId, JsonNode request) {
        throw new ModelProviderException(503, ERROR_TYPE, message());
    }

    @Override
    public List<JsonNode> converseStream(String modelId, JsonNode request) {
        throw new ModelProviderException(503, ERROR_TYPE, message());
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public String describe() {
        return "not live (" + reason + "); set AWS credentials and AWS_REGION, or"
                + " Sandbox.builder(...).modelProvider(...)";
    }
}
