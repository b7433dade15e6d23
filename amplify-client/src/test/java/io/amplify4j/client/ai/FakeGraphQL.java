package io.amplify4j.client.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for the AppSync API the conversation handler calls: records every GraphQL request (document,
 * variables, Authorization header) and answers with what {@code answer} returns for it (a full GraphQL response).
 */
final class FakeGraphQL implements AutoCloseable {
    /** A request as received. */
    record Call(String query, JsonNode variables, String authorization) {}

    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();

    FakeGraphQL(Function<Call, JsonNode> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/graphql", exchange -> {
            JsonNode body = FakeBedrock.JSON.readTree(exchange.getRequestBody().readAllBytes());
            Call call = new Call(body.path("query").asText(), body.path("variables"),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            calls.add(call);
            byte[] out = FakeBedrock.JSON.writeValueAsBytes(answer.apply(call));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    }

    /** {@code {"data": {field: value}}}. */
    static JsonNode data(String field, JsonNode value) {
        ObjectNode root = FakeBedrock.JSON.createObjectNode();
        root.putObject("data").set(field, value);
        return root;
    }

    /** The calls whose document contains {@code text}. */
    List<Call> callsOf(String text) {
        return calls.stream().filter(c -> c.query().contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
