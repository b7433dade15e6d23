package io.amplify4j.sandbox.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What answers the AI routes of a sandbox: Amazon Bedrock's Converse and ConverseStream operations, with Bedrock's
 * own JSON shapes. Generation resolvers reach it through the Bedrock HTTP data source; conversation handlers
 * through the sandbox's local Bedrock endpoint ({@code AMPLIFY_BEDROCK_ENDPOINT}).
 *
 * <p>Implementations: {@link BedrockModelProvider} (the real service, the default when AWS credentials and a
 * region resolve) and {@link RecordedModelProvider} (a test double, never the default). Give one to the sandbox with
 * {@code Sandbox.builder(...).modelProvider(...)}. Implementations must be thread-safe.
 */
public interface ModelProvider {
    /**
     * Bedrock's Converse: one complete response.
     *
     * @param modelId the model or inference profile id, as in {@code POST /model/<modelId>/converse}
     * @param request the Converse request body ({@code messages}, {@code system}, {@code inferenceConfig},
     *     {@code toolConfig}, ...)
     * @return the Converse response body ({@code output.message}, {@code stopReason}, {@code usage}, ...)
     * @throws ModelProviderException when the model refuses or fails (Bedrock's error type and HTTP status)
     */
    JsonNode converse(String modelId, JsonNode request);

    /**
     * Bedrock's ConverseStream: the events of one streamed response, in order.
     *
     * @return the events, each an object with one member named after the event type ({@code messageStart},
     *     {@code contentBlockStart}, {@code contentBlockDelta}, {@code contentBlockStop}, {@code messageStop},
     *     {@code metadata}) holding the event's body
     * @throws ModelProviderException when the model refuses or fails
     */
    List<JsonNode> converseStream(String modelId, JsonNode request);

    /** One line saying what this provider is, for the sandbox's start banner. */
    default String describe() {
        return getClass().getSimpleName();
    }

    /**
     * The default provider of a sandbox: {@link BedrockModelProvider} when {@code environment} gives AWS
     * credentials and a region, otherwise a provider whose every call fails with a message naming what to
     * configure (AWS credentials or profile and {@code AWS_REGION}, or {@code Sandbox.builder(...).modelProvider}).
     */
    static ModelProvider fromEnvironment(AwsEnvironment environment) {
        BedrockModelProvider.Resolution resolution = BedrockModelProvider.fromEnvironment(environment);
        if (resolution instanceof BedrockModelProvider.Resolution.Ready ready) {
            return ready.provider();
        }
        return new UnconfiguredModelProvider(((BedrockModelProvider.Resolution.Unavailable) resolution).reason());
    }

    /** True unless this is the stand-in of a sandbox without a configured provider (every call fails). */
    default boolean live() {
        return true;
    }
}
