package io.amplify4j.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.sandbox.server.Sandbox;
import io.amplify4j.testing.OutputsSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in-process (arguments in, printed text out) and once as its own process. */
class SandboxCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TODO = "io.amplify4j.fixtures.TodoBackend";

    @TempDir
    Path dir;

    /** One run: what it printed, what it reported, and the sandbox it started (closed by the caller). */
    private record Run(SandboxCli.Outcome outcome, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SandboxCli.Outcome outcome = SandboxCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(outcome, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertError(Run run, String message) {
        assertThat(run.outcome().exitCode()).isEqualTo(2);
        assertThat(run.outcome().sandbox()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + message + System.lineSeparator() + "Run with --help for usage."
                + System.lineSeparator());
    }

    private static HttpResponse<String> post(URI uri, String header, String value, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            request.header(header, value);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void helpPrintsTheOptions() {
        Run run = run("--help");
        assertThat(run.outcome().exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: SandboxCli --definition <class> [options]")
                .contains("--port <port>", "--data-dir <dir>", "--outputs <file>", "--user <name>:<password>");
    }

    @Test
    void servesTheDefinitionPrintsHowToUseItAndWritesOutputsThatPointAtIt() throws Exception {
        Path outputs = dir.resolve("app").resolve("amplify_outputs.json");
        Run run = run("--definition", TODO, "--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--outputs=" + outputs, "--user", "alice:alices-password-1:Staff,Admins", "--user", "bob:bobs:password:");
        assertThat(run.err()).isEmpty();
        assertThat(run.outcome().exitCode()).isZero();
        try (Sandbox sandbox = run.outcome().sandbox().orElseThrow()) {
            String key = sandbox.apiKey().orElseThrow();
            assertThat(run.out())
                    .contains("Starting the Amplify4j sandbox for backend `todo`")
                    .contains("  plan ").contains("  resolver engine ").contains("Ready in ")
                    .contains("GraphQL endpoint: " + sandbox.graphqlEndpoint())
                    .contains("API key:          " + key)
                    .contains("Users:            alice (Staff,Admins), bob")
                    .contains("curl -s " + sandbox.baseUri() + "/__sandbox/sign-in -H 'content-type: "
                            + "application/json' -d '{\"username\":\"alice\",\"password\":\"alices-password-1\"}'")
                    .contains("Outputs:          " + outputs.toAbsolutePath())
                    .endsWith("Press Ctrl+C to stop." + System.lineSeparator());

            String text = Files.readString(outputs);
            assertThat(OutputsSchema.problems(text)).isEmpty();
            JsonNode json = JSON.readTree(text);
            assertThat(json.path("data").path("url").asText()).isEqualTo(sandbox.graphqlEndpoint().toString());
            assertThat(json.path("data").path("api_key").asText()).isEqualTo(key);
            assertThat(json.path("auth").path("user_pool_id").asText())
                    .isEqualTo(sandbox.userPool().orElseThrow().poolId());
            assertThat(json.path("auth").path("user_pool_client_id").asText())
                    .isEqualTo(sandbox.userPool().orElseThrow().clientId());
            assertThat(json.path("custom").path("amplify4j_sandbox").path("realtime_url").asText())
                    .isEqualTo(sandbox.realtimeEndpoint().toString());

            // What the banner says works: sign in with the printed curl's body, then call the API.
            HttpResponse<String> signIn = post(URI.create(json.path("custom").path("amplify4j_sandbox")
                    .path("sign_in_url").asText()), null, null,
                    "{\"username\":\"bob\",\"password\":\"bobs:password\"}");
            assertThat(signIn.statusCode()).isEqualTo(200);
            String token = JSON.readTree(signIn.body()).path("idToken").asText();
            HttpResponse<String> created = post(sandbox.graphqlEndpoint(), "Authorization", token,
                    "{\"query\":\"mutation { createTodo(input: {content: \\\"from the CLI\\\", done: false}) { id } }\"}");
            assertThat(created.body()).contains("\"createTodo\":{\"id\":");
            HttpResponse<String> listed = post(URI.create(json.path("data").path("url").asText()), "x-api-key",
                    json.path("data").path("api_key").asText(), "{\"query\":\"{ listTodos { items { content } } }\"}");
            assertThat(listed.body()).contains("from the CLI");
        }
    }

    @Test
    void aMissingOrWrongDefinitionIsExplained() {
        assertError(run("--port", "0"), "--definition <class> is required: the class of your BackendDefinition, "
                + "for example --definition com.example.TodoBackend.");
        assertError(run("--definition", "com.example.Nope"), "--definition com.example.Nope: no such class on the "
                + "classpath. Check the name (with its package) and that the module holding it is compiled and on "
                + "the classpath.");
        assertError(run("--definition", "java.lang.String"), "--definition java.lang.String is not a "
                + "io.amplify4j.dsl.BackendDefinition. Name the class that implements it.");
        assertError(run("--definition", NoDefaultConstructor.class.getName()), "--definition "
                + NoDefaultConstructor.class.getName() + " needs a public no-argument constructor, and must be a "
                + "public, non-abstract class.");
    }

    /** Not startable from the command line. */
    public static final class NoDefaultConstructor implements io.amplify4j.dsl.BackendDefinition {
        public NoDefaultConstructor(String name) {}

        @Override
        public io.amplify4j.model.BackendModel define() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void badOptionsAreExplained() {
        assertError(run("--definition", TODO, "--port", "http"), "--port must be a number from 0 to 65535; got `http`.");
        assertError(run("--definition", TODO, "--port", "70000"),
                "--port must be a number from 0 to 65535; got `70000`.");
        assertError(run("--definition", TODO, "--user", "alice"),
                "--user must be <name>:<password>[:<group>,...]; got `alice`.");
        assertError(run("--definition", TODO, "--verbose"), "unknown option `--verbose`.");
        assertError(run("--definition"), "--definition needs a value.");
        assertError(run("--definition", TODO, "--port", "0", "--outputs", "unused.json", "--user", "carol:short"),
                "User `carol`: Password did not conform with policy: Password not long enough");
    }

    @Test
    void aBusyPortIsExplained() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("--definition", TODO, "--port", Integer.toString(taken.getLocalPort()),
                    "--outputs", dir.resolve("o.json").toString());
            assertThat(run.outcome().exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: Cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (")
                    .contains("Is another sandbox or program using that port? Stop it or choose another port.");
        }
        assertThat(dir.resolve("o.json")).doesNotExist();
    }

    @Test
    void unwritableDirectoriesAreExplained() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run data = run("--definition", TODO, "--port", "0", "--data-dir", file.resolve("data").toString());
        assertThat(data.outcome().exitCode()).isEqualTo(2);
        assertThat(data.err()).startsWith("error: Cannot create the data directory " + file.resolve("data"))
                .contains("Choose a directory you can write.");

        Run outputs = run("--definition", TODO, "--port", "0", "--outputs", file.resolve("o.json").toString());
        assertThat(outputs.outcome().exitCode()).isEqualTo(2);
        assertThat(outputs.err()).startsWith("error: Cannot write the outputs file " + file.resolve("o.json"))
                .contains("Choose a writable path.");
    }

    @Test
    void runsAsItsOwnProcessAndStopsOnSigterm() throws Exception {
        Path badLog = dir.resolve("bad.log");
        Process bad = java(badLog, "--definition", "com.example.Nope");
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(Files.readString(badLog))
                .contains("error: --definition com.example.Nope: no such class on the classpath.");

        Path outputs = dir.resolve("amplify_outputs.json");
        Path log = dir.resolve("sandbox.log");
        Process process = java(log, "--definition", TODO, "--port", "0", "--outputs", outputs.toString());
        try {
            String printed = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!printed.contains("Press Ctrl+C to stop.") && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                printed = Files.readString(log);
            }
            Matcher endpoint = Pattern.compile("GraphQL endpoint: (\\S+)").matcher(printed);
            Matcher key = Pattern.compile("API key:\\s+(da2-[a-z0-9]+)").matcher(printed);
            assertThat(endpoint.find()).as(printed).isTrue();
            assertThat(key.find()).as(printed).isTrue();
            HttpResponse<String> listed = post(URI.create(endpoint.group(1)), "x-api-key", key.group(1),
                    "{\"query\":\"{ listTodos { items { id } } }\"}");
            assertThat(listed.body()).isEqualTo("{\"data\":{\"listTodos\":{\"items\":[]}}}");
            assertThat(OutputsSchema.problems(Files.readString(outputs))).isEmpty();

            process.destroy(); // SIGTERM: the shutdown hook stops the sandbox
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log)).contains("[sandbox] POST /graphql query listTodos caller=apiKey 200 ok")
                    .contains("Stopping the sandbox.");
        } finally {
            process.destroyForcibly();
        }
    }

    private static Process java(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--enable-native-access") || argument.startsWith("--sun-misc-unsafe")) {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SandboxCli.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
