package io.amplify4j.client.ai;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Bedrock refused or failed a request: an HTTP error of {@code Converse}/{@code ConverseStream}, an exception frame
 * in the middle of a stream, or no answer at all. The message says what Bedrock said and what to do about it
 * (enable model access, request a quota, fix the request); {@link #errorType()} is Bedrock's own error name, such as
 * {@code ThrottlingException} or {@code AccessDeniedException}.
 */
public final class BedrockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The error type of a request that got no answer (connection refused, timeout, stream cut). */
    public static final String TRANSPORT = "TransportError";

    private static final Set<String> RETRYABLE = Set.of("ThrottlingException", "ServiceUnavailableException",
            "InternalServerException", "ModelTimeoutException", "ModelNotReadyException",
            "ModelStreamErrorException", TRANSPORT);

    private final String errorType;
    private final int statusCode;
    private final String bedrockMessage;

    private BedrockException(String errorType, int statusCode, String bedrockMessage, String message,
            Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
        this.statusCode = statusCode;
        this.bedrockMessage = bedrockMessage;
    }

    /**
     * The exception for an error Bedrock reported.
     *
     * @param errorType Bedrock's error name, in either case convention ({@code throttlingException} as in stream
     *     frames, {@code ThrottlingException} as in HTTP headers); a {@code :...} suffix is dropped
     * @param statusCode the HTTP status, or 0 for an exception frame inside a stream
     * @param bedrockMessage Bedrock's message, possibly empty
     * @param modelId the model the request was for
     * @param region the region (or endpoint) the request went to
     */
    public static BedrockException of(String errorType, int statusCode, String bedrockMessage, String modelId,
            String region) {
        String type = normalize(errorType, statusCode);
        String said = bedrockMessage == null || bedrockMessage.isBlank() ? "" : ": " + bedrockMessage.strip();
        String what = "Bedrock " + type + (statusCode > 0 ? " (HTTP " + statusCode + ")" : " in the response stream")
                + " for model `" + modelId + "`" + said + (said.endsWith(".") ? " " : ". ");
        return new BedrockException(type, statusCode, bedrockMessage == null ? "" : bedrockMessage,
                what + advice(type, modelId, region), null);
    }

    /** The exception for a request that got no complete answer. */
    public static BedrockException transport(String modelId, String endpoint, Throwable cause) {
        return new BedrockException(TRANSPORT, 0, String.valueOf(cause), "Bedrock request for model `" + modelId
                + "` to " + endpoint + " failed: " + cause + ". Check that the endpoint is reachable (in the sandbox,"
                + " that it is running; in Lambda, that the function has a route to Bedrock) and try again.", cause);
    }

    private static String normalize(String errorType, int statusCode) {
        String type = errorType == null ? "" : errorType.strip();
        int colon = type.indexOf(':');
        if (colon >= 0) {
            type = type.substring(0, colon);
        }
        int hash = type.lastIndexOf('#');
        if (hash >= 0) {
            type = type.substring(hash + 1);
        }
        if (type.isEmpty()) {
            return switch (statusCode) {
                case 400 -> "ValidationException";
                case 403 -> "AccessDeniedException";
                case 404 -> "ResourceNotFoundException";
                case 408 -> "ModelTimeoutException";
                case 424 -> "ModelErrorException";
                case 429 -> "ThrottlingException";
                case 503 -> "ServiceUnavailableException";
                default -> statusCode >= 500 ? "InternalServerException" : "UnknownError";
            };
        }
        return type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
    }

    private static String advice(String type, String modelId, String region) {
        return switch (type) {
            case "AccessDeniedException" -> "Enable access to `" + modelId + "` in the Amazon Bedrock console (Model"
                    + " access) in " + region + ", and make sure the caller's role allows"
                    + " bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream on it (amplify-cdk grants"
                    + " exactly the route's model).";
            case "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException" ->
                    "The AWS credentials were refused: check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/"
                    + "AWS_SESSION_TOKEN (or the profile) and that they are for " + region + "'s partition.";
            case "ThrottlingException", "ServiceQuotaExceededException" -> "Bedrock is throttling requests to `"
                    + modelId + "`: retry after a pause, request a higher quota (Service Quotas, Amazon Bedrock),"
                    + " or use a cross-region inference profile.";
            case "ValidationException" -> "Bedrock rejected the request: check that `" + modelId + "` is offered"
                    + " in " + region + " (some models are only callable through an inference profile such as"
                    + " `us." + modelId + "`), the inference configuration, the messages and the tools' input"
                    + " schemas.";
            case "ResourceNotFoundException" -> "Check the model id and the region (" + region + "): the model is"
                    + " not offered there.";
            case "ModelTimeoutException", "ModelNotReadyException", "ServiceUnavailableException",
                    "InternalServerException", "ModelStreamErrorException", "ModelErrorException" ->
                    "This is usually temporary: try again.";
            default -> "See the Bedrock Runtime API reference for " + type + ".";
        };
    }

    /** Bedrock's error name, such as {@code ThrottlingException}, or {@link #TRANSPORT}. */
    public String errorType() {
        return errorType;
    }

    /** The HTTP status, or 0 when the error came inside a stream or there was no answer. */
    public int statusCode() {
        return statusCode;
    }

    /** Bedrock's own message, without the advice. */
    public Optional<String> bedrockMessage() {
        return bedrockMessage.isEmpty() ? Optional.empty() : Optional.of(bedrockMessage);
    }

    /** True for errors that may go away on their own (throttling, timeouts, server errors, a cut connection). */
    public boolean isRetryable() {
        return RETRYABLE.contains(errorType);
    }
}
