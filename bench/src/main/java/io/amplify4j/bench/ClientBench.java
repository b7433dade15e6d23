package io.amplify4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.GraphQLRequest;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.client.json.AmplifyJson;
import java.nio.ByteBuffer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client runtime's per-call overhead: the same {@code getTodo} query against the same local server, once
 * through {@link GraphQLClient} (request value, auth provider, error checks, typed result) and once as raw
 * {@code java.net.http} plus Jackson binding straight into the same record. The server answers a fixed body at
 * once, so the difference is the client's own work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ClientBench {
    static final String QUERY = "query GetTodo($id: ID!) { getTodo(id: $id) { id content done priority createdAt "
            + "updatedAt owner } }";
    static final byte[] ANSWER = ("{\"data\":{\"getTodo\":{\"id\":\"3f1c2a9e-8d4b-4c57-9f0e-2b7a6d1e5c43\","
            + "\"content\":\"write the benchmark\",\"done\":false,\"priority\":3,"
            + "\"createdAt\":\"2026-11-26T09:30:00.000Z\",\"updatedAt\":\"2026-11-26T09:31:00.000Z\","
            + "\"owner\":\"8a7b6c5d-1111-2222-3333-444455556666::alice\"}}}").getBytes(StandardCharsets.UTF_8);
    static final String API_KEY = "da2-benchmarkkeybenchmarkkey12";

    /** The model as a generated client declares it. */
    public record Todo(String id, String content, boolean done, Integer priority, Instant createdAt,
            Instant updatedAt, String owner) {}

    /** The raw baseline binds the envelope directly. */
    public record Data(Todo getTodo) {}

    public record Envelope(Data data) {}

    private Server server;
    private URI endpoint;
    private HttpClient http;
    private ObjectMapper mapper;
    private GraphQLClient client;
    private HttpClient canned;
    private GraphQLClient offline;

    @Setup(Level.Trial)
    public void start() throws Exception {
        // Jetty, as the sandbox serves; the JDK's HttpServer adds ~40 ms per exchange (delayed ACKs) to both sides.
        server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Content.Source.consumeAll(request);
                response.getHeaders().put("Content-Type", "application/json; charset=UTF-8");
                response.write(true, ByteBuffer.wrap(ANSWER), callback);
                return true;
            }
        });
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/graphql");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        mapper = AmplifyJson.mapper();
        client = GraphQLClient.builder().endpoint(endpoint).httpClient(http).objectMapper(mapper)
                .auth(AuthProviders.apiKey(API_KEY)).build();
        canned = new CannedHttpClient(ANSWER);
        offline = GraphQLClient.builder().endpoint(endpoint).httpClient(canned).objectMapper(mapper)
                .auth(AuthProviders.apiKey(API_KEY)).build();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        client.close();
        offline.close();
        server.stop();
    }

    /** What a generated client does per call: build the request value, execute it. */
    @Benchmark
    public Todo client() {
        return client.execute(GraphQLRequest.builder(Todo.class).document(QUERY)
                .variable("id", "3f1c2a9e-8d4b-4c57-9f0e-2b7a6d1e5c43").responseField("getTodo").build());
    }

    /** The same exchange by hand: the least a correct caller can do. */
    @Benchmark
    public Todo raw() throws Exception {
        return exchange(http);
    }

    private Todo exchange(HttpClient http) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", QUERY);
        body.put("variables", Map.of("id", "3f1c2a9e-8d4b-4c57-9f0e-2b7a6d1e5c43"));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("x-api-key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return mapper.readValue(response.body(), Envelope.class).data().getTodo();
    }

    /** {@link #client} with the network replaced by the fixed answer: only the client's own work. */
    @Benchmark
    public Todo clientNoNetwork() {
        return offline.execute(GraphQLRequest.builder(Todo.class).document(QUERY)
                .variable("id", "3f1c2a9e-8d4b-4c57-9f0e-2b7a6d1e5c43").responseField("getTodo").build());
    }

    /** {@link #raw} with the network replaced by the fixed answer: the least a caller must do besides I/O. */
    @Benchmark
    public Todo rawNoNetwork() throws Exception {
        return exchange(canned);
    }
}
