package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.fixtures.TodoBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandbox with a data directory, restarted in the same process: data, users, API key and signing key are kept,
 * one sandbox at a time per directory, and subscription events are at most once (decision D6).
 */
class SandboxPersistenceTest {
    static final String CREATE = "mutation Create($input: CreateTodoInput!) { createTodo(input: $input) { id content } }";
    static final String LIST = "{ listTodos { items { id content } } }";

    @TempDir
    Path dir;

    private Sandbox start(int port, ByteArrayOutputStream banner, String... seedUser) {
        Sandbox.Builder builder = Sandbox.builder(new TodoBackend())
                .dataDirectory(dir.resolve("data"))
                .port(port)
                .requestLog(line -> {})
                .banner(new PrintStream(banner, true, StandardCharsets.UTF_8));
        if (seedUser.length > 0) {
            builder.user(seedUser[0], seedUser[1]);
        }
        return builder.start();
    }

    private static Map<String, Object> create(Sandbox sandbox, String token, String id, String content) {
        Http.Response response = Http.graphql(sandbox.graphqlEndpoint(), "Authorization", token, CREATE,
                Map.of("input", Map.of("id", id, "content", content, "done", false)));
        assertThat(response.errors()).isEmpty();
        return response.dataMap("createTodo");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Http.Response list) {
        assertThat(list.errors()).isEmpty();
        return ((List<Map<String, Object>>) ((Map<String, Object>) list.data("listTodos")).get("items")).stream()
                .map(item -> item.get("id")).sorted().map(Object.class::cast).toList();
    }

    @Test
    void dataUsersTheApiKeyAndIssuedTokensSurviveARestart() throws Exception {
        ByteArrayOutputStream firstBanner = new ByteArrayOutputStream();
        String token;
        String key;
        String poolId;
        int port;
        try (Sandbox first = start(0, firstBanner, "alice", "alices-password")) {
            token = first.idToken("alice");
            create(first, token, "t1", "one");
            create(first, token, "t2", "two");
            Http.graphql(first.graphqlEndpoint(), "Authorization", token,
                    "mutation { deleteTodo(input: {id: \"t2\"}) { id } }", null);
            Http.Response bob = Http.post(first.baseUri().resolve("/__sandbox/users"),
                    Map.of("content-type", "application/json"),
                    "{\"username\":\"bob\",\"password\":\"bobs-password\"}");
            assertThat(bob.status()).isEqualTo(201);
            key = first.apiKey().orElseThrow();
            poolId = first.userPool().orElseThrow().poolId();
            port = first.port();
        }
        Path authFile = dir.resolve("data").resolve("auth.json");
        if (authFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // it holds the signing key and password hashes
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(authFile))).isEqualTo("rw-------");
        }
        assertThat(firstBanner.toString(StandardCharsets.UTF_8))
                .contains("Starting the Amplify4j sandbox for backend `todo`")
                .contains("data directory").contains("user pool " + poolId).contains("API key made")
                .contains("0 items from the snapshot, 0 log records replayed").contains("Ready in ");

        ByteArrayOutputStream secondBanner = new ByteArrayOutputStream();
        try (Sandbox second = start(port, secondBanner, "alice", "alices-password")) {
            assertThat(second.apiKey()).contains(key);
            assertThat(second.userPool().orElseThrow().poolId()).isEqualTo(poolId);
            // A token issued before the restart verifies: same issuer, same signing key.
            assertThat(ids(Http.graphql(second.graphqlEndpoint(), "Authorization", token, LIST, null)))
                    .containsExactly("t1");
            assertThat(ids(Http.graphql(second.graphqlEndpoint(), "x-api-key", key, LIST, null)))
                    .containsExactly("t1");
            Http.Response bob = Http.post(second.baseUri().resolve("/__sandbox/sign-in"),
                    Map.of("content-type", "application/json"),
                    "{\"username\":\"bob\",\"password\":\"bobs-password\"}");
            assertThat(bob.status()).isEqualTo(200);
        }
        assertThat(secondBanner.toString(StandardCharsets.UTF_8))
                .contains("user pool kept (" + poolId + ", 2 users)").contains("API key kept")
                .contains("3 log records replayed");
    }

    @Test
    void aKeptSeedUserWithAnotherPasswordIsAnError() {
        try (Sandbox first = start(0, new ByteArrayOutputStream(), "alice", "alices-password")) {
            assertThat(first.userPool().orElseThrow().user("alice")).isPresent();
        }
        assertThatThrownBy(() -> start(0, new ByteArrayOutputStream(), "alice", "another-password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("User `alice` already exists in the data directory with another password. Use its old "
                        + "password, or choose another user name.");
        // The failed start released the directory.
        try (Sandbox again = start(0, new ByteArrayOutputStream(), "alice", "alices-password")) {
            assertThat(again.dataDirectory()).contains(dir.resolve("data").toAbsolutePath().normalize());
        }
    }

    @Test
    void oneSandboxAtATimePerDataDirectory() {
        try (Sandbox first = start(0, new ByteArrayOutputStream())) {
            assertThatThrownBy(() -> start(0, new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The data directory " + dir.resolve("data").toAbsolutePath().normalize()
                            + " is in use by another sandbox. Stop it, or choose another directory.");
            assertThat(first.apiKey()).isPresent();
        }
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefusedClearly() throws Exception {
        Files.writeString(dir.resolve("data"), "not a directory");
        assertThatThrownBy(() -> start(0, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot create the data directory " + dir.resolve("data"))
                .hasMessageEndingWith("Choose a directory you can write.");
    }

    /**
     * Decision D6: subscription events are delivered at most once. An event belongs to the connection that was
     * open when the write happened; writes acknowledged before a restart (or a crash) are never replayed to
     * subscribers of the restarted sandbox, which reconnect and re-query, as Amplify's clients do after a
     * connection loss. (The crash test checks the same after a kill -9.)
     */
    @Test
    void subscriptionEventsAreAtMostOnceAndNotRedeliveredAfterARestart() {
        int port;
        try (Sandbox first = start(0, new ByteArrayOutputStream(), "alice", "alices-password")) {
            create(first, first.idToken("alice"), "before", "written before the restart");
            port = first.port();
        }
        try (Sandbox second = start(port, new ByteArrayOutputStream(), "alice", "alices-password");
                Ws ws = Ws.withSubprotocolAuth(second.realtimeEndpoint(),
                        Ws.auth(second.graphqlEndpoint(), "x-api-key", second.apiKey().orElseThrow()))) {
            Map<String, Object> auth = Ws.auth(second.graphqlEndpoint(), "x-api-key", second.apiKey().orElseThrow());
            ws.init();
            ws.start("s", "subscription { onCreateTodo { id } }", Map.of(), auth);
            ws.next("start_ack");
            create(second, second.idToken("alice"), "after", "written after the restart");

            Map<String, Object> first = ws.next("data");
            assertThat(first.toString()).contains("id=after").doesNotContain("before");
            assertThat(ids(Http.graphql(second.graphqlEndpoint(), "x-api-key", second.apiKey().orElseThrow(), LIST,
                    null))).containsExactly("after", "before");
        }
    }

    @Test
    void withoutADataDirectoryNothingIsKept() {
        String key;
        try (Sandbox first = Sandbox.builder(new TodoBackend()).banner(null).requestLog(l -> {})
                .user("alice", "alices-password").start()) {
            create(first, first.idToken("alice"), "t1", "one");
            key = first.apiKey().orElseThrow();
            assertThat(first.dataDirectory()).isEmpty();
        }
        try (Sandbox second = Sandbox.builder(new TodoBackend()).banner(null).requestLog(l -> {}).start()) {
            assertThat(second.apiKey()).isPresent().get().isNotEqualTo(key);
            assertThat(ids(Http.graphql(second.graphqlEndpoint(), "x-api-key", second.apiKey().orElseThrow(), LIST,
                    null))).isEmpty();
        }
    }
}
