package io.amplify4j.sandbox.ai;

import io.amplify4j.sandbox.datasource.DataSourceException;
import io.amplify4j.sandbox.datasource.HttpDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The sandbox's local Bedrock runtime endpoint: {@code POST /__sandbox/bedrock/model/<modelId>/converse} and
 * {@code /converse-stream} (answered as AWS event-stream messages), served by a {@link BedrockEndpoint} over the
 * sandbox's model provider. The sandbox points in-process functions at it with {@value #ENDPOINT_ENV}, so a
 * conversation handler calls Bedrock through the same provider as the generation routes.
 *
 * <p>Only loopback callers are served. SigV4 headers are accepted and not verified: the caller is a function of
 * this sandbox, and the model allow-list stands in for its role.
 */
public final class LocalBedrockHandler extends Handler.Abstract {
    /** The environment variable naming Bedrock's endpoint for functions. */
    public static final String ENDPOINT_ENV = "AMPLIFY_BEDROCK_ENDPOINT";
    /** The path the endpoint is served under. */
    public static final String PATH = "/__sandbox/bedrock";

    private final BedrockEndpoint endpoint;
    private final int maxRequestBytes;
    private final Consumer<String> log;

    public LocalBedrockHandler(BedrockEndpoint endpoint, int maxRequestBytes, Consumer<String> log) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.maxRequestBytes = maxRequestBytes;
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || !rawPath.startsWith(PATH + "/")) {
            return false;
        }
        HttpDataSource.Reply reply;
        if (!loopback(request.getConnectionMetaData().getRemoteSocketAddress())) {
            reply = BedrockEndpoint.error(403, "AccessDeniedException",
                    "The sandbox's Bedrock endpoint serves this machine only.");
        } else {
            byte[] body = readBody(request);
            if (body == null) {
                reply = BedrockEndpoint.error(413, "ValidationException", "The request body exceeds "
                        + maxRequestBytes + " bytes.");
            } else {
                Map<String, String> headers = new LinkedHashMap<>();
                request.getHeaders().forEach(field -> headers.put(field.getName(), field.getValue()));
                try {
                    reply = endpoint.handle(new HttpDataSource.Call(request.getMethod(),
                            rawPath.substring(PATH.length()), Map.of(), headers, body));
                } catch (DataSourceException e) {
                    reply = BedrockEndpoint.error(503, e.type(), e.getMessage());
                }
            }
        }
        response.setStatus(reply.statusCode());
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (reply.statusCode() >= 400) {
            log.accept(request.getMethod() + " " + rawPath + " " + reply.statusCode() + " "
                    + reply.headers().getOrDefault("x-amzn-ErrorType", ""));
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    private static boolean loopback(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            InetAddress host = inet.getAddress();
            return host != null && host.isLoopbackAddress();
        }
        return false;
    }

    private byte[] readBody(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(maxRequestBytes + 1);
            return body.length > maxRequestBytes ? null : body;
        }
    }
}
