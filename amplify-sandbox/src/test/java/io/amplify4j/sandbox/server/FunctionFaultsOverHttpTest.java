package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.faults.FunctionsBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D16 over the wire: a function-backed query whose handler throws, outlives its declared timeout, runs out of
 * memory, overflows its stack, answers something that is not JSON or is too large. Each becomes a GraphQL error
 * ({@code Lambda:Unhandled}) with a sanitised message (no stack trace, no path), and the server keeps serving.
 * The handlers are loaded from their class directory in a class loader of their own, as from a deployed jar.
 */
class FunctionFaultsOverHttpTest {
    static final List<String> LOG = new CopyOnWriteArrayList<>();
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new FunctionsBackend()).secret("faults/api-token", "s3cr3t").banner(null)
                .requestLog(LOG::add).start();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static Http.Response faulty(String mode) {
        return Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", sandbox.apiKey().orElseThrow(),
                "query Q($mode: String!) { faulty(mode: $mode) }", Map.of("mode", mode));
    }

    static Http.Response raw(String mode) {
        return Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", sandbox.apiKey().orElseThrow(),
                "query Q($mode: String!) { raw(mode: $mode) }", Map.of("mode", mode));
    }

    /** The one error of a failed function call, after checking what every such response shares. */
    static Map<String, Object> functionError(Http.Response response, String field) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data(field)).isNull();
        assertThat(response.errors()).hasSize(1);
        Map<String, Object> error = response.errors().get(0);
        assertThat(error.get("errorType")).isEqualTo("Lambda:Unhandled");
        assertThat(error.get("path")).isEqualTo(List.of(field));
        assertThat(response.text()).doesNotContain("\\tat ", "\\n", "Exception", "java.", "com.example",
                "/var/lib", "amplify4j", "target/");
        return error;
    }

    @Test
    void aHealthyCallAnswers() {
        Http.Response response = faulty("ok");
        assertThat(response.errors()).isEmpty();
        assertThat(response.data("faulty")).isEqualTo("fine");
    }

    @Test
    void aThrownErrorBecomesItsFirstLineWithoutPathsOrStackTrace() {
        Map<String, Object> error = functionError(faulty("throw"), "faulty");
        assertThat(error.get("message")).isEqualTo("Cannot open <path> for faulty");
        assertThat(faulty("ok").data("faulty")).isEqualTo("fine");
    }

    @Test
    void theDeclaredTimeoutIsEnforced() {
        Map<String, Object> error = functionError(faulty("timeout"), "faulty");
        assertThat(error.get("message")).isEqualTo("Task timed out after 1.00 seconds");
        assertThat(faulty("ok").data("faulty")).isEqualTo("fine");
    }

    @Test
    void runningOutOfMemoryRestartsTheFunctionAndTheServerStaysUp() {
        long coldStarts = sandbox.functions().runtime().coldStarts("faulty");
        Map<String, Object> error = functionError(faulty("oom"), "faulty");
        assertThat(error.get("message")).isEqualTo("Runtime exited with error: the function ran out of memory.");
        assertThat(faulty("ok").data("faulty")).isEqualTo("fine");
        assertThat(sandbox.functions().runtime().coldStarts("faulty")).isGreaterThan(coldStarts);
    }

    @Test
    void aStackOverflowIsACrashToo() {
        Map<String, Object> error = functionError(faulty("overflow"), "faulty");
        assertThat(error.get("message")).isEqualTo("Runtime exited with error: the function overflowed its stack.");
        assertThat(faulty("ok").data("faulty")).isEqualTo("fine");
    }

    @Test
    void aResultThatCannotBeSerializedIsAnError() {
        Map<String, Object> error = functionError(faulty("unserializable"), "faulty");
        assertThat(error.get("message")).isEqualTo("The function's response could not be serialized to JSON.");
    }

    @Test
    void aResponseThatIsNotJsonIsAnError() {
        Map<String, Object> error = functionError(raw("notjson"), "raw");
        assertThat(error.get("message")).isEqualTo("The function's response is not valid JSON.");
        assertThat(raw("echo").errors()).isEmpty();
    }

    @Test
    void aResponseOverLambdasLimitIsAnError() {
        Map<String, Object> error = functionError(raw("big"), "raw");
        assertThat((String) error.get("message")).startsWith("Response payload size (7340034 bytes) exceeded");
    }

    @Test
    void aStreamHandlerGetsTheAppSyncEventAsBytes() {
        Http.Response response = raw("echo");
        assertThat(response.errors()).isEmpty();
        Map<String, Object> answer = parse((String) response.data("raw"));
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) answer.get("echo");
        assertThat(event).containsEntry("typeName", "Query").containsEntry("fieldName", "raw")
                .containsEntry("arguments", Map.of("mode", "echo")).containsEntry("identity", null)
                .containsKeys("source", "request", "prev");
    }

    @Test
    void handlersRunInAClassLoaderOfTheirOwnThatHidesTheSandbox() {
        Http.Response response = Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", sandbox.apiKey().orElseThrow(),
                "{ whoami }", null);
        assertThat(response.errors()).isEmpty();
        Map<String, Object> answer = parse((String) response.data("whoami"));
        assertThat(answer).containsEntry("loader", "amplify4j-function-whoami")
                .containsEntry("contextLoader", "amplify4j-function-whoami")
                .containsEntry("seesSandboxJackson", false);
    }

    @Test
    void handlersReadTheirOwnEnvironmentWithSystemGetenv() {
        Http.Response response = Http.graphql(sandbox.graphqlEndpoint(), "x-api-key", sandbox.apiKey().orElseThrow(),
                "{ env }", null);
        assertThat(response.errors()).isEmpty();
        Map<String, Object> env = parse((String) response.data("env"));
        assertThat(env).containsEntry("greeting", "hello").containsEntry("token", "s3cr3t")
                .containsEntry("endpoint", sandbox.graphqlEndpoint().toString())
                .containsEntry("functionName", "envReader").containsEntry("region", "us-east-1")
                .containsEntry("home", null).containsEntry("path", false)
                .containsEntry("viaMethodReference", "hello").containsEntry("fromThread", "hello");
        assertThat(sandbox.functions().runtime().environment("envReader"))
                .containsEntry("amplifyData_GRAPHQL_ENDPOINT", sandbox.graphqlEndpoint().toString())
                .containsEntry("AMPLIFY_DATA_DEFAULT_NAME", "amplifyData")
                .containsEntry("_HANDLER", "com.example.faults.EnvHandler::handleRequest");
        // The sandbox's own process environment is untouched.
        assertThat(System.getenv("GREETING")).isNull();
    }

    @Test
    void anAsyncHandlerIsInvokedAsAnEventAndItsFailureStaysInTheLog() throws InterruptedException {
        for (String mode : List.of("ok", "throw")) {
            Http.Response response = Http.graphql(sandbox.graphqlEndpoint(), "x-api-key",
                    sandbox.apiKey().orElseThrow(), "mutation N($mode: String!) { notify(mode: $mode) { success } }",
                    Map.of("mode", mode));
            assertThat(response.errors()).isEmpty();
            assertThat(response.dataMap("notify")).containsEntry("success", true);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && (LOG.stream().noneMatch(l -> l.contains("event invocation failed"))
                || LOG.stream().noneMatch(l -> l.contains("event invocation ok")))) {
            Thread.sleep(20);
        }
        assertThat(LOG).anyMatch(line -> line.equals("fn faulty event invocation ok"));
        assertThat(LOG).anyMatch(line -> line.startsWith("fn faulty event invocation failed: Cannot open <path>"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        try {
            return Http.JSON.readValue(json, Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
