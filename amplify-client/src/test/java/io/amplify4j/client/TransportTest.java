package io.amplify4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.amplify4j.client.auth.AuthProviders;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes over HTTP, and how every kind of answer becomes a result or a typed exception. */
class TransportTest {
    private HttpServer server;
    private volatile int status = 200;
    private volatile String body = "{\"data\":{\"echo\":\"ok\"}}";
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private GraphQLClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/graphql", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        client = GraphQLClient.builder().endpoint(endpoint())
                .auth(AuthProviders.userPool(() -> "id-token"))
                .auth(AuthMode.API_KEY, AuthProviders.apiKey("da2-key"))
                .auth(AuthMode.LAMBDA, AuthProviders.lambda(() -> "custom-token"))
                .auth(AuthMode.OIDC, AuthProviders.oidc(() -> "oidc-token"))
                .requestTimeout(Duration.ofMillis(500))
                .build();
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    }

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        headers.add(Map.copyOf(exchange.getRequestHeaders()));
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (hang) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static GraphQLRequest.Builder<String> echo() {
        return GraphQLRequest.builder(String.class).document("query Echo($v: String) { echo(v: $v) }")
                .operationName("Echo").responseField("echo");
    }

    @Test
    void sendsTheDocumentVariablesAndAuthOfTheCallsMode() {
        assertThat(client.execute(echo().variable("v", "x").variable("none", null).header("x-trace", "t1")
                .build())).isEqualTo("ok");
        assertThat(bodies.get(0)).isEqualTo("{\"query\":\"query Echo($v: String) { echo(v: $v) }\","
                + "\"operationName\":\"Echo\",\"variables\":{\"v\":\"x\",\"none\":null}}");
        assertThat(headers.get(0)).containsEntry("Authorization", List.of("id-token"))
                .containsEntry("X-trace", List.of("t1"))
                .containsEntry("Content-type", List.of("application/json; charset=UTF-8"));

        client.execute(echo().authMode(AuthMode.API_KEY).build());
        assertThat(headers.get(1)).containsEntry("X-api-key", List.of("da2-key")).doesNotContainKey("Authorization");
        client.execute(echo().authMode(AuthMode.LAMBDA).build());
        assertThat(headers.get(2)).containsEntry("Authorization", List.of("custom-token"));
        client.execute(echo().authMode(AuthMode.OIDC).build());
        assertThat(headers.get(3)).containsEntry("Authorization", List.of("oidc-token"));
    }

    @Test
    void aModeWithoutAProviderIsAClearError() {
        assertThatThrownBy(() -> client.execute(echo().authMode(AuthMode.IAM).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No AuthProvider for auth mode IAM");
        assertThat(client.executeAsync(echo().authMode(AuthMode.IAM).build())).isCompletedExceptionally();
    }

    @Test
    void nullResultsAndWholeDataResultsAreRead() {
        body = "{\"data\":{\"echo\":null}}";
        assertThat(client.execute(echo().build())).isNull();
        body = "{\"data\":{\"a\":1,\"b\":2}}";
        Map<String, Integer> whole = client.execute(GraphQLRequest.builder(
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() {}).document("{ a b }").build());
        assertThat(whole).containsEntry("a", 1).containsEntry("b", 2);
    }

    @Test
    void errorsWithPartialDataKeepBoth() {
        body = "{\"data\":{\"echo\":null,\"other\":\"kept\"},\"errors\":[{\"path\":[\"echo\"],\"data\":null,"
                + "\"errorType\":\"Lambda:Unhandled\",\"errorInfo\":{\"code\":7},\"locations\":[{\"line\":1,"
                + "\"column\":3,\"sourceName\":null}],\"message\":\"boom\"}]}";
        assertThatThrownBy(() -> client.execute(echo().build()))
                .isExactlyInstanceOf(GraphQLResponseException.class)
                .hasMessage("Lambda:Unhandled: boom (at [echo])")
                .satisfies(e -> {
                    GraphQLResponseException error = (GraphQLResponseException) e;
                    assertThat(error.data().orElseThrow().get("other").asText()).isEqualTo("kept");
                    GraphQLError first = error.errors().get(0);
                    assertThat(first.locations()).containsExactly(new GraphQLError.Location(1, 3));
                    assertThat(first.errorInfo().orElseThrow().get("code").asInt()).isEqualTo(7);
                    assertThat(first.data()).isEmpty();
                });
    }

    @Test
    void refusalsWithoutDataAreTypedByStatusAndErrorType() {
        status = 401;
        body = "{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"You are not authorized.\"}]}";
        assertThatThrownBy(() -> client.execute(echo().build())).isInstanceOf(UnauthorizedException.class)
                .hasMessage("HTTP 401: UnauthorizedException: You are not authorized.");
        status = 400;
        body = "{\"errors\":[{\"message\":\"Validation error of type FieldUndefined\"}]}";
        assertThatThrownBy(() -> client.execute(echo().build()))
                .isExactlyInstanceOf(GraphQLResponseException.class)
                .satisfies(e -> assertThat(((GraphQLResponseException) e).errorType()).isEmpty());
    }

    @Test
    void answersThatAreNotGraphQLAreTransportErrors() {
        status = 502;
        body = "<html>Bad Gateway</html>";
        assertThatThrownBy(() -> client.execute(echo().build())).isInstanceOf(GraphQLTransportException.class)
                .hasMessageContaining("HTTP 502").hasMessageContaining("not JSON")
                .satisfies(e -> assertThat(((GraphQLTransportException) e).httpStatus()).hasValue(502));
        status = 500;
        body = "";
        assertThatThrownBy(() -> client.execute(echo().build())).isInstanceOf(GraphQLTransportException.class)
                .hasMessageContaining("without a GraphQL response");
        status = 503;
        body = "{\"message\":\"slow down\"}";
        assertThatThrownBy(() -> client.execute(echo().build())).isInstanceOf(GraphQLTransportException.class)
                .hasMessageContaining("HTTP 503");
        status = 200;
        body = "{\"data\":{\"echo\":{\"not\":\"a string\"}}}";
        assertThatThrownBy(() -> client.execute(echo().build())).isInstanceOf(GraphQLTransportException.class)
                .hasMessageContaining("Cannot read the result of `Echo` as java.lang.String");
    }

    @Test
    void slowAnswersTimeOut() {
        hang = true;
        assertThatThrownBy(() -> client.execute(echo().build())).isInstanceOf(GraphQLTransportException.class)
                .hasMessageContaining("`Echo` timed out after PT0.5S");
        assertThatThrownBy(() -> client.executeAsync(echo().build()).get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(GraphQLTransportException.class);
    }

    @Test
    void anUnreachableServerIsATransportError() {
        server.stop(0);
        assertThatThrownBy(() -> client.execute(echo().build())).isInstanceOf(GraphQLTransportException.class)
                .hasMessageContaining("failed to reach");
        assertThatThrownBy(() -> client.executeAsync(echo().build()).join())
                .hasCauseInstanceOf(GraphQLTransportException.class);
    }

    @Test
    void aClientNeedsAnEndpointAndAProviderForItsDefaultMode() {
        assertThatThrownBy(() -> GraphQLClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("""
                        GraphQLClient cannot be built:
                          - no endpoint: call endpoint(URI) with data.url of amplify_outputs.json
                          - no auth: call auth(AuthProviders.apiKey(..)) or another provider""");
        assertThatThrownBy(() -> GraphQLRequest.builder(String.class).build())
                .hasMessageContaining("needs a document");
    }
}
