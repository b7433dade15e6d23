package io.amplify4j.sandbox.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.resolver.DataSourcePlan;
import io.amplify4j.plan.resolver.ResolverNames;
import io.amplify4j.sandbox.datasource.DataSourceException;
import io.amplify4j.sandbox.datasource.HttpDataSource;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Amazon Bedrock's runtime API as the sandbox serves it, backed by a {@link ModelProvider}: {@code POST
 * /model/<modelId>/converse} (JSON) and {@code POST /model/<modelId>/converse-stream} (AWS event stream). It
 * answers the Bedrock HTTP data source of generation resolvers and the local Bedrock endpoint of conversation
 * handlers, with Bedrock's own error shape: the HTTP status, {@code x-amzn-ErrorType} and {@code {"message"}}.
 *
 * <p>Only the models the backend's AI routes name may be called, as the deployed roles allow only those; any
 * other model is refused with {@code AccessDeniedException} (403).
 */
public final class BedrockEndpoint implements HttpDataSource.Endpoint {
    private final ModelProvider provider;
    private final Set<String> allowedModels;
    private final String principal;
    private final Consumer<String> log;

    /**
     * @param provider what answers the models
     * @param allowedModels the model ids (or inference profile ids) the routes name
     * @param principal who calls, for refusals: for example {@code the generation routes' Bedrock data source}
     * @param log where each model call is noted (one line)
     */
    public BedrockEndpoint(ModelProvider provider, Set<String> allowedModels, String principal,
            Consumer<String> log) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.allowedModels = Set.copyOf(new TreeSet<>(allowedModels));
        this.principal = Objects.requireNonNull(principal, "principal");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The Bedrock model ids the AI routes of {@code data} name, sorted: the generation routes' (the models of its
     * Bedrock HTTP data source) and the conversation routes'. Empty when there are no AI routes.
     */
    public static Set<String> modelIds(DataPlan data) {
        Set<String> ids = new TreeSet<>();
        for (DataSourcePlan source : data.dataSources()) {
            source.http().filter(http -> http.signingService().equals(ResolverNames.BEDROCK_SIGNING_SERVICE))
                    .ifPresent(http -> http.aiModels().forEach(model -> ids.add(model.bedrockModelId())));
        }
        data.conversations().forEach(conversation -> ids.add(conversation.aiModel().bedrockModelId()));
        return java.util.Collections.unmodifiableSet(ids);
    }

    /** The model ids this endpoint serves. */
    public Set<String> allowedModels() {
        return allowedModels;
    }

    /**
     * {@inheritDoc}
     *
     * @throws DataSourceException when the sandbox has no model provider configured: the request cannot be
     *     signed, as AppSync cannot call a data source whose role it cannot assume, so the response handler sees
     *     {@code ctx.error} with the message naming what to configure
     */
    @Override
    public HttpDataSource.Reply handle(HttpDataSource.Call call) throws DataSourceException {
        String path = call.resourcePath();
        int slash = path.lastIndexOf('/');
        String operation = slash < 0 ? "" : path.substring(slash + 1);
        if (!call.method().equals("POST") || !path.startsWith("/model/") || slash <= "/model/".length()
                || !(operation.equals("converse") || operation.equals("converse-stream"))) {
            return error(404, "UnknownOperationException", "The sandbox's Bedrock serves POST /model/<modelId>/converse"
                    + " and /converse-stream only; got " + call.method() + " " + path + ".");
        }
        String modelId = decode(path.substring("/model/".length(), slash));
        if (!allowedModels.contains(modelId)) {
            return error(403, "AccessDeniedException", principal + " is not authorized to perform: bedrock:"
                    + (operation.equals("converse") ? "InvokeModel" : "InvokeModelWithResponseStream")
                    + " on model `" + modelId + "`: the AI routes of this backend name only "
                    + new TreeSet<>(allowedModels) + ", and the deployed roles allow only those. Name the model in"
                    + " an AI route (aiModel(...)) to use it.");
        }
        JsonNode request;
        try {
            request = ConverseStreams.JSON.readTree(call.body());
        } catch (IOException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            return error(400, "ValidationException", "The request body must be a JSON object (a Converse request).");
        }
        try {
            if (operation.equals("converse")) {
                JsonNode response = provider.converse(modelId, request);
                log.accept("bedrock converse " + modelId + " -> " + response.path("stopReason").asText("?"));
                return new HttpDataSource.Reply(200, Map.of("Content-Type", "application/json"),
                        ConverseStreams.bytes(response));
            }
            List<JsonNode> events = provider.converseStream(modelId, request);
            log.accept("bedrock converse-stream " + modelId + " -> " + events.size() + " events");
            return new HttpDataSource.Reply(200, Map.of("Content-Type", EventStream.CONTENT_TYPE),
                    EventStream.encode(ConverseStreams.toMessages(events)));
        } catch (ModelProviderException e) {
            if (e.errorType().equals(UnconfiguredModelProvider.ERROR_TYPE)) {
                throw new DataSourceException(e.errorType(), e.getMessage());
            }
            log.accept("bedrock " + operation + " " + modelId + " -> " + e.statusCode() + " " + e.errorType());
            return error(e.statusCode(), e.errorType(), e.getMessage());
        } catch (RuntimeException e) {
            log.accept("bedrock " + operation + " " + modelId + " -> 500 " + e);
            return error(500, "InternalServerException", "The model provider failed: " + e.getMessage());
        }
    }

    /** Bedrock's error answer. */
    static HttpDataSource.Reply error(int status, String errorType, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-ErrorType", errorType);
        return HttpDataSource.Reply.json(status, headers, Map.of("message", message));
    }

    /** A percent-encoded path segment ({@code %3A} for the colon of versioned model ids); '+' stays '+'. */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
