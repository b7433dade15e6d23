package io.amplify4j.client.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Bedrock Runtime on 127.0.0.1: answers {@code converse-stream} requests with scripted event
 * streams (encoded as AWS event-stream frames) or scripted HTTP errors, and records every request it got.
 */
final class FakeBedrock implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A request as received: the raw path, the headers and the body. */
    record Received(String method, String rawPath, Headers headers, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What to answer one request with: frames, or an HTTP error. */
    record Reply(int status, Map<String, String> headers, byte[] body) {}

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    FakeBedrock() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(), body));
            Reply reply;
            synchronized (replies) {
                reply = replies.poll();
            }
            if (reply == null) {
                reply = new Reply(500, Map.of("x-amzn-ErrorType", "InternalServerException"),
                        "{\"message\":\"FakeBedrock has no scripted reply left\"}".getBytes());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/bedrock");
    }

    /** Answers the next request with these events, each {@code {"<type>": {...}}}. */
    FakeBedrock stream(String... events) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (String event : events) {
            ConverseStreamEvent parsed;
            try {
                parsed = ConverseStreamEvent.fromJson(JSON.readTree(event));
            } catch (IOException e) {
                throw new IllegalArgumentException(event, e);
            }
            wire.writeBytes(EventStreamMessage.of(Map.of(":message-type", "event", ":event-type", parsed.type(),
                    ":content-type", "application/json"), parsed.body().toString()).encode());
        }
        return frames(wire.toByteArray());
    }

    /** Answers the next request with these raw bytes as a 200 event stream. */
    FakeBedrock frames(byte[] wire) {
        synchronized (replies) {
            replies.add(new Reply(200, Map.of("Content-Type", "application/vnd.amazon.eventstream"), wire));
        }
        return this;
    }

    /** Answers the next request with this JSON (a {@code Converse} response). */
    FakeBedrock json(String body) {
        synchronized (replies) {
            replies.add(new Reply(200, Map.of("Content-Type", "application/json"), body.getBytes()));
        }
        return this;
    }

    /** Answers the next request with an HTTP error as Bedrock sends them. */
    FakeBedrock error(int status, String errorType, String message) {
        synchronized (replies) {
            replies.add(new Reply(status, Map.of("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/",
                    "Content-Type", "application/json"), ("{\"message\":\"" + message + "\"}").getBytes()));
        }
        return this;
    }

    /** A text answer in the usual event sequence, the text in the given deltas. */
    static String[] textAnswer(String stopReason, String... deltas) {
        List<String> events = new java.util.ArrayList<>();
        events.add("{\"messageStart\":{\"role\":\"assistant\"}}");
        for (String delta : deltas) {
            events.add("{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":" + quote(delta) + "}}}");
        }
        events.add("{\"contentBlockStop\":{\"contentBlockIndex\":0}}");
        events.add("{\"messageStop\":{\"stopReason\":\"" + stopReason + "\"}}");
        events.add("{\"metadata\":{\"usage\":{\"inputTokens\":10,\"outputTokens\":5,\"totalTokens\":15},"
                + "\"metrics\":{\"latencyMs\":12}}}");
        return events.toArray(String[]::new);
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
