package io.amplify4j.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A scriptable stand-in for AppSync's real-time endpoint (Jetty WebSocket on 127.0.0.1): records what clients send,
 * acknowledges with a chosen {@code connectionTimeoutMs}, sends keep-alives only when told to, and publishes data
 * to every live subscription on demand.
 */
public final class FakeRealtimeServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message a client sent, with the number of the connection it came on (1-based). */
    record Received(int connection, JsonNode message) {}

    private final Server server = new Server();
    private final int port;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<JsonNode> connectionHeaders = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, Session> live = new ConcurrentHashMap<>();

    volatile long connectionTimeoutMs = 300_000;
    /** Which connections (1-based) get a keep-alive right after the ack and every 50 ms. */
    volatile IntPredicate keepAlive = n -> true;
    /** When set, connections are refused with this connection_error payload instead of acknowledged. */
    volatile String connectionError;

    FakeRealtimeServer() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container ->
                container.addMapping("/graphql/realtime", (request, response, callback) -> {
                    try {
                        response.setAcceptedSubProtocol("graphql-ws");
                        for (String protocol : request.getSubProtocols()) {
                            if (protocol.startsWith("header-")) {
                                connectionHeaders.add(JSON.readTree(new String(Base64.getUrlDecoder()
                                        .decode(protocol.substring(7)), StandardCharsets.UTF_8)));
                            }
                        }
                        return new Endpoint(connections.incrementAndGet());
                    } catch (Exception | Error e) {
                        e.printStackTrace();
                        throw new IllegalStateException(e);
                    }
                }));
        server.setHandler(upgrade);
        server.start();
        this.port = connector.getLocalPort();
    }

    URI graphqlEndpoint() {
        return URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    int connections() {
        return connections.get();
    }

    long count(String type) {
        return received.stream().filter(r -> r.message().path("type").asText().equals(type)).count();
    }

    List<JsonNode> messages(String type) {
        return received.stream().map(Received::message).filter(m -> m.path("type").asText().equals(type)).toList();
    }

    int liveSubscriptions() {
        return live.size();
    }

    /** Sends {@code {"type":"data","id":..,"payload":{"data":data}}} to every live subscription. */
    void publish(String dataJson) {
        live.forEach((id, session) -> session.sendText("{\"type\":\"data\",\"id\":\"" + id + "\",\"payload\":{\"data\":"
                + dataJson + "}}", Callback.NOOP));
    }

    /** Closes every socket from the server side. */
    void dropAll() {
        live.values().forEach(session -> session.close(1001, "going away", Callback.NOOP));
        live.clear();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    public final class Endpoint implements Session.Listener.AutoDemanding {
        private final int number;
        private Session session;

        Endpoint(int number) {
            this.number = number;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketText(String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (Exception e) {
                return;
            }
            received.add(new Received(number, message));
            String id = message.path("id").asText(null);
            switch (message.path("type").asText()) {
                case "connection_init" -> {
                    if (connectionError != null) {
                        session.sendText("{\"type\":\"connection_error\",\"payload\":" + connectionError + "}",
                                Callback.NOOP);
                        return;
                    }
                    session.sendText("{\"type\":\"connection_ack\",\"payload\":{\"connectionTimeoutMs\":"
                            + connectionTimeoutMs + "}}", Callback.NOOP);
                    if (keepAlive.test(number)) {
                        keepAlives();
                    }
                }
                case "start" -> {
                    live.put(id, session);
                    session.sendText("{\"type\":\"start_ack\",\"id\":\"" + id + "\"}", Callback.NOOP);
                }
                case "stop" -> {
                    live.remove(id);
                    session.sendText("{\"type\":\"complete\",\"id\":\"" + id + "\"}", Callback.NOOP);
                }
                default -> { }
            }
        }

        private void keepAlives() {
            Thread thread = new Thread(() -> {
                while (session.isOpen()) {
                    session.sendText("{\"type\":\"ka\"}", Callback.NOOP);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fake-ka-" + number);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            live.values().removeIf(s -> s == session);
        }
    }
}
