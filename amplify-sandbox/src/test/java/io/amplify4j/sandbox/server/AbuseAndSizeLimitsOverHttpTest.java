package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.fixtures.TodoBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * D8 (abuse queries) and D9 (oversized input) over HTTP and the real-time endpoint, against sandboxes configured
 * as a production API would be: a resolver-count limit, introspection off, a small body cap. Every refusal is an
 * AppSync-shaped request error, nothing runs or is written, and the server keeps serving.
 */
class AbuseAndSizeLimitsOverHttpTest {
    static final int MAX_BODY = 64 * 1024;
    static final String CREATE = "mutation C($input: CreateTodoInput!) { createTodo(input: $input) { id content } }";
    static final String CREATE_WITH_OWNER = "mutation C($input: CreateTodoInput!) { createTodo(input: $input) {"
            + " id content owner } }";
    static final String LIST = "{ listTodos { items { id content } } }";

    static Sandbox strict;
    static Sandbox blogs;
    static final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        strict = Sandbox.builder(new TodoBackend()).banner(null).requestLog(log::add).resolverCountLimit(100)
                .introspection(false).maxRequestBytes(MAX_BODY).user("alice", "a-long-password-1").start();
        blogs = Sandbox.builder(new BlogBackend()).banner(null).requestLog(line -> { })
                .user("alice", "a-long-password-1").start();
    }

    @AfterAll
    static void stop() {
        strict.close();
        blogs.close();
    }

    @BeforeEach
    void clean() {
        strict.resetData();
        log.clear();
    }

    private static Http.Response send(Sandbox sandbox, String query, Map<String, Object> variables) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("alice"), query, variables);
    }

    private static Map<String, Object> requestError(Http.Response response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).containsEntry("data", null);
        assertThat(response.errors()).hasSize(1);
        assertThat(response.text()).doesNotContain("at io.", "at graphql.", "Exception:");
        return response.errors().get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> todos() {
        Http.Response list = send(strict, LIST, null);
        assertThat(list.errors()).isEmpty();
        return (List<Map<String, Object>>) list.dataMap("listTodos").get("items");
    }

    private static void assertStillServing(Sandbox sandbox) {
        Http.Response ok = send(sandbox, sandbox == strict ? LIST : "{ listBlogs { items { id } } }", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.errors()).isEmpty();
    }

    @Test
    void d8AQueryFiftyLevelsDeepIsRefusedByTheDefaultDepthLimit() {
        StringBuilder query = new StringBuilder("{ listBlogs { items {");
        StringBuilder close = new StringBuilder("} } }");
        int depth = 2;
        while (depth < 48) {
            query.append(" posts { items { blog {");
            close.append(" } } }");
            depth += 3;
        }
        query.append(" id ").append(close);
        Map<String, Object> error = requestError(send(blogs, query.toString(), null));
        assertThat((String) error.get("message")).startsWith("Query depth limit of "
                + Sandbox.DEFAULT_QUERY_DEPTH_LIMIT + " exceeded");
        assertStillServing(blogs);
    }

    @Test
    void d8AnAliasBombIsRefusedWholeByTheResolverCountLimit() {
        Http.Response created = send(strict, CREATE, Map.of("input", Map.of("id", "t1", "content", "x", "done", false)));
        assertThat(created.errors()).isEmpty();
        log.clear();
        StringBuilder bomb = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) {
            bomb.append(" a").append(i).append(": getTodo(id: \"t1\") { id }");
        }
        bomb.append(" }");
        for (int attempt = 0; attempt < 2; attempt++) { // the second time, the document comes from the cache
            Map<String, Object> error = requestError(send(strict, bomb.toString(), null));
            assertThat((String) error.get("message"))
                    .isEqualTo("Resolver count limit of 100 exceeded: the query selects 1000 fields with resolvers.");
        }

        // The same through fragments, and a mutation bomb: refused before anything is written.
        StringBuilder fragments = new StringBuilder("{ ");
        for (int i = 0; i < 101; i++) {
            fragments.append(" f").append(i).append(": getTodo(id: \"t1\") { ...T }");
        }
        fragments.append(" } fragment T on Todo { id content }");
        assertThat((String) requestError(send(strict, fragments.toString(), null)).get("message"))
                .startsWith("Resolver count limit of 100 exceeded");
        StringBuilder writes = new StringBuilder("mutation {");
        for (int i = 0; i < 150; i++) {
            writes.append(" w").append(i).append(": createTodo(input: {content: \"bomb\", done: false}) { id }");
        }
        writes.append(" }");
        requestError(send(strict, writes.toString(), null));
        assertThat(todos()).hasSize(1);

        // Within the limit, aliases run.
        StringBuilder fine = new StringBuilder("{");
        for (int i = 0; i < 100; i++) {
            fine.append(" a").append(i).append(": getTodo(id: \"t1\") { id }");
        }
        Http.Response ok = send(strict, fine.append(" }").toString(), null);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.dataMap("a99")).containsEntry("id", "t1");
    }

    @Test
    void d8BatchedOperationsAreRefused() {
        Map<String, String> headers = Map.of("content-type", "application/json", "Authorization",
                strict.idToken("alice"));
        String batch = "[" + Ws.json(Map.of("query", LIST)) + "," + Ws.json(Map.of("query", LIST)) + "]";
        Http.Response batched = Http.post(strict.graphqlEndpoint(), headers, batch);
        assertThat(batched.status()).isEqualTo(400);
        assertThat(batched.errorTypes()).containsExactly("MalformedHttpRequestException");

        // Two operations in one document need operationName, and run only the one it names.
        String two = "query A { listTodos { items { id } } } mutation B { createTodo(input: {content: \"b\","
                + " done: false}) { id } }";
        assertThat((String) requestError(send(strict, two, null)).get("message")).isNotBlank();
        assertThat(todos()).isEmpty();
        assertStillServing(strict);
    }

    @Test
    void d8IntrospectionIsRefusedWhenDisabledAndServedOtherwise() {
        Http.Response refused = send(strict, "{ __schema { types { name } } }", null);
        assertThat(refused.dataMap("__schema")).isNull();
        assertThat(refused.errors()).isNotEmpty();
        assertThat(refused.text()).doesNotContain("CreateTodoInput");
        Http.Response typeRefused = send(strict, "{ __type(name: \"Todo\") { fields { name } } }", null);
        assertThat(typeRefused.text()).doesNotContain("content");
        // __typename is not introspection of the schema: AppSync answers it either way.
        assertThat(send(strict, "{ __typename }", null).body()).isEqualTo(Map.of("data",
                Map.of("__typename", "Query")));

        Http.Response served = send(blogs, "{ __schema { queryType { name } } }", null);
        assertThat(served.errors()).isEmpty();
        assertThat(served.dataMap("__schema")).isEqualTo(Map.of("queryType", Map.of("name", "Query")));
        assertStillServing(strict);
    }

    @Test
    void d8ASubscriptionDeeperThanTheLimitIsRefusedAtStart() {
        Map<String, Object> auth = Ws.auth(blogs.graphqlEndpoint(), "Authorization", blogs.idToken("alice"));
        StringBuilder deep = new StringBuilder("subscription { onCreatePost { id");
        StringBuilder close = new StringBuilder(" } }");
        for (int i = 0; i < 10; i++) {
            deep.append(" blog { posts { items { id");
            close.append(" } } }");
        }
        try (Ws ws = Ws.withSubprotocolAuth(blogs.realtimeEndpoint(), auth)) {
            ws.init();
            ws.start("deep", deep.append(close).toString(), Map.of(), auth);
            Map<String, Object> error = ws.next("error");
            assertThat(error).containsEntry("id", "deep");
            assertThat(Ws.json(error)).contains("ValidationError", "Query depth limit of "
                    + Sandbox.DEFAULT_QUERY_DEPTH_LIMIT + " exceeded");
            assertThat(blogs.realtime().liveSubscriptions()).isZero();
            ws.start("shallow", "subscription { onCreatePost { id title } }", Map.of(), auth);
            assertThat(ws.next("start_ack")).containsEntry("id", "shallow");
        }
    }

    @Test
    void d9AKeyOverDynamoDbsLimitIsRefusedAndNothingIsStored() {
        Http.Response created = send(strict, CREATE,
                Map.of("input", Map.of("id", "k".repeat(2049), "content", "long key", "done", false)));
        assertThat(created.dataMap("createTodo")).isNull();
        assertThat(created.errorTypes()).containsExactly("DynamoDB:ValidationException");
        assertThat((String) created.errors().get(0).get("message"))
                .contains("Size of hashkey has exceeded the maximum size limit of 2048 bytes");
        Http.Response atLimit = send(strict, CREATE,
                Map.of("input", Map.of("id", "k".repeat(2048), "content", "at the limit", "done", false)));
        assertThat(atLimit.errors()).isEmpty();
        assertThat(todos()).extracting(t -> t.get("content")).containsExactly("at the limit");
    }

    @Test
    void d9ABodyOverTheCapIsRefusedWith413AndNothingIsWritten() {
        Http.Response big = send(strict, CREATE,
                Map.of("input", Map.of("content", "x".repeat(400), "done", false, "owner", "y".repeat(MAX_BODY))));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.errorTypes()).containsExactly("PayloadTooLargeException");
        assertThat(todos()).isEmpty();
        assertThat(log).anyMatch(line -> line.contains("413 PayloadTooLargeException"));
        assertStillServing(strict);
    }

    @Test
    void d9AnEventOverTheSubscriptionPayloadLimitIsNotDeliveredAndTheSubscriptionStays() {
        Map<String, Object> auth = Ws.auth(strict.graphqlEndpoint(), "Authorization", strict.idToken("alice"));
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            aliases.append(" c").append(i).append(": content");
        }
        try (Ws ws = Ws.withSubprotocolAuth(strict.realtimeEndpoint(), auth)) {
            ws.init();
            ws.start("big", "subscription { onCreateTodo { id" + aliases + " } }", Map.of(), auth);
            ws.next("start_ack");
            // The event carries owner: the owner filter of alice's subscription needs it in the mutation's selection.
            Http.Response created = send(strict, CREATE_WITH_OWNER,
                    Map.of("input", Map.of("id", "huge", "content", "x".repeat(500), "done", false)));
            assertThat(created.errors()).isEmpty(); // the write is not undone by a subscriber's limit
            Map<String, Object> error = ws.next();
            assertThat(error).as("log %s", log).isNotNull();
            assertThat(error).containsEntry("type", "error").containsEntry("id", "big");
            assertThat(Ws.json(error)).contains("PayloadTooLargeException", String.valueOf(240 * 1024));

            send(strict, CREATE_WITH_OWNER, Map.of("input", Map.of("id", "small", "content", "s", "done", false)));
            Map<String, Object> data = ws.next("data");
            assertThat(Ws.json(data)).contains("\"small\"");
        }
        List<String> ids = new ArrayList<>();
        todos().forEach(t -> ids.add((String) t.get("id")));
        assertThat(ids).containsExactlyInAnyOrder("huge", "small");
    }
}
