package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * D1–D4 of the fault list over HTTP: racing creates of one id, updates and deletes of nothing, optimistic
 * concurrency on a version field and on a client condition, and conditions probing a protected field.
 */
class WriteConflictsOverHttpTest {
    static final String CONDITIONAL_CHECK_FAILED = "DynamoDB:ConditionalCheckFailedException";

    /** Runs {@code task} {@code count} times on 16 threads, all released at once; the results in order. */
    static <T> List<T> race(int count, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    @SandboxTest(definition = TodoBackend.class, users = "alice", resetData = true, logRequests = false)
    class Todos {
        static final String CREATE = "mutation C($input: CreateTodoInput!) { createTodo(input: $input) { id content } }";
        static final String UPDATE = "mutation U($input: UpdateTodoInput!, $condition: ModelTodoConditionInput) {"
                + " updateTodo(input: $input, condition: $condition) { id content } }";
        static final String DELETE = "mutation D($input: DeleteTodoInput!) { deleteTodo(input: $input) { id } }";
        static final String GET = "query G($id: ID!) { getTodo(id: $id) { id content } }";
        static final String LIST = "{ listTodos { items { id content } } }";

        private final Sandbox sandbox;

        Todos(Sandbox sandbox) {
            this.sandbox = sandbox;
        }

        private Http.Response send(String query, Map<String, Object> variables) {
            return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("alice"), query,
                    variables);
        }

        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> all() {
            return (List<Map<String, Object>>) send(LIST, null).dataMap("listTodos").get("items");
        }

        @Test
        void d1FiftyConcurrentCreatesOfOneIdHaveExactlyOneWinner() throws Exception {
            List<Http.Response> responses = race(50, () -> send(CREATE,
                    Map.of("input", Map.of("id", "same-id", "content", "from " + Thread.currentThread().getName(),
                            "done", false))));

            List<Http.Response> won = responses.stream().filter(r -> r.dataMap("createTodo") != null).toList();
            assertThat(won).hasSize(1);
            List<Http.Response> lost = responses.stream().filter(r -> r.dataMap("createTodo") == null).toList();
            assertThat(lost).hasSize(49).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.errorTypes()).containsExactly(CONDITIONAL_CHECK_FAILED);
                assertThat(r.text()).doesNotContain("at io.", "Exception:", "amplify4j");
            });
            assertThat(all()).containsExactly(won.get(0).dataMap("createTodo"));
        }

        @Test
        void d2UpdateAndDeleteOfAMissingIdAreErrorsNeverUpserts() {
            Http.Response updated = send(UPDATE, Map.of("input", Map.of("id", "missing", "content", "ghost")));
            assertThat(updated.dataMap("updateTodo")).isNull();
            assertThat(updated.errorTypes()).containsExactly(CONDITIONAL_CHECK_FAILED);
            Http.Response deleted = send(DELETE, Map.of("input", Map.of("id", "missing")));
            assertThat(deleted.dataMap("deleteTodo")).isNull();
            assertThat(deleted.errorTypes()).containsExactly(CONDITIONAL_CHECK_FAILED);
            assertThat(send(GET, Map.of("id", "missing")).data("getTodo")).isNull();
            assertThat(all()).isEmpty();
        }

        @Test
        void d3RacingConditionalUpdatesLoseNoUpdate() throws Exception {
            Http.Response created = send(CREATE, Map.of("input", Map.of("id", "t1", "content", "v1", "done", false)));
            assertThat(created.errors()).isEmpty();
            List<Http.Response> responses = race(20, () -> send(UPDATE, Map.of(
                    "input", Map.of("id", "t1", "content", "v2 by " + Thread.currentThread().getName()),
                    "condition", Map.of("content", Map.of("eq", "v1")))));

            List<Http.Response> won = responses.stream().filter(r -> r.dataMap("updateTodo") != null).toList();
            assertThat(won).hasSize(1);
            assertThat(responses).filteredOn(r -> r.dataMap("updateTodo") == null)
                    .hasSize(19).allSatisfy(r -> assertThat(r.errorTypes()).containsExactly(CONDITIONAL_CHECK_FAILED));
            assertThat(send(GET, Map.of("id", "t1")).dataMap("getTodo")).isEqualTo(won.get(0).dataMap("updateTodo"));
        }
    }

    @Nested
    @SandboxTest(definition = FaultBackend.class, users = {"alice", "bob", "boss:Admin"}, resetData = true,
            logRequests = false)
    class VersionsAndProtectedFields {
        static final String CREATE_DOC = "mutation C($input: CreateDocInput!) { createDoc(input: $input) {"
                + " id content version } }";
        static final String UPDATE_DOC = "mutation U($input: UpdateDocInput!) { updateDoc(input: $input) {"
                + " id content version } }";
        static final String GET_DOC = "query G($id: ID!) { getDoc(id: $id) { id content version } }";
        static final String CREATE_PATIENT = "mutation C($input: CreatePatientInput!) { createPatient(input: $input)"
                + " { id content } }";
        static final String UPDATE_PATIENT = "mutation U($input: UpdatePatientInput!,"
                + " $condition: ModelPatientConditionInput) { updatePatient(input: $input, condition: $condition)"
                + " { id content } }";

        private final Sandbox sandbox;

        VersionsAndProtectedFields(Sandbox sandbox) {
            this.sandbox = sandbox;
        }

        private Http.Response send(String user, String query, Map<String, Object> variables) {
            return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user), query, variables);
        }

        @Test
        void d3TwoUpdatesOfOneVersionHaveOneWinnerAndTheVersionGoesUpByOne() throws Exception {
            Map<String, Object> doc = send("alice", CREATE_DOC, Map.of("input", Map.of("content", "v1")))
                    .dataMap("createDoc");
            assertThat(doc).containsEntry("version", 1L);
            List<Http.Response> responses = race(2, () -> send("alice", UPDATE_DOC, Map.of("input",
                    Map.of("id", doc.get("id"), "content", "by " + Thread.currentThread().getName(), "version", 1))));

            List<Http.Response> won = responses.stream().filter(r -> r.dataMap("updateDoc") != null).toList();
            assertThat(won).hasSize(1);
            assertThat(won.get(0).dataMap("updateDoc")).containsEntry("version", 2L);
            assertThat(responses).filteredOn(r -> r.dataMap("updateDoc") == null).singleElement()
                    .satisfies(r -> assertThat(r.errorTypes()).containsExactly(CONDITIONAL_CHECK_FAILED));
            assertThat(send("bob", GET_DOC, Map.of("id", doc.get("id"))).dataMap("getDoc"))
                    .isEqualTo(won.get(0).dataMap("updateDoc"));

            // The loser retries with the version it now reads: no update is lost.
            Http.Response retried = send("bob", UPDATE_DOC,
                    Map.of("input", Map.of("id", doc.get("id"), "content", "retried", "version", 2)));
            assertThat(retried.dataMap("updateDoc")).containsEntry("version", 3L).containsEntry("content", "retried");
        }

        @Test
        void d4AConditionOnAProtectedFieldRevealsNothing() {
            String aliceOwner = sandbox.userPool().orElseThrow().user("alice").orElseThrow().sub() + "::alice";
            Map<String, Object> patient = send("boss", CREATE_PATIENT, Map.of("input",
                    Map.of("content", "chart", "owner", aliceOwner, "salary", "90000"))).dataMap("createPatient");
            assertThat(patient).isNotNull();

            List<String> answers = new ArrayList<>();
            for (String guess : List.of("90000", "12345")) {
                for (String field : List.of("salary", "ssn")) {
                    Http.Response probed = send("bob", UPDATE_PATIENT, Map.of(
                            "input", Map.of("id", patient.get("id"), "content", "probe"),
                            "condition", Map.of(field, Map.of("eq", guess))));
                    assertThat(probed.dataMap("updatePatient")).isNull();
                    // salary (a group rule) is refused outright; on ssn (an owner rule) the condition only ranges
                    // over bob's own patients, so it fails. Either way, the guess makes no difference.
                    assertThat(probed.errorTypes()).containsExactly(field.equals("salary") ? "Unauthorized"
                            : CONDITIONAL_CHECK_FAILED);
                    assertThat(probed.text()).doesNotContain("90000", guess);
                    answers.add(probed.text());
                }
            }
            // The right guess and the wrong one get the very same answer.
            assertThat(answers.get(0)).isEqualTo(answers.get(2));
            assertThat(answers.get(1)).isEqualTo(answers.get(3));
            assertThat(send("alice", "query G($id: ID!) { getPatient(id: $id) { content } }",
                    Map.of("id", patient.get("id"))).dataMap("getPatient")).containsEntry("content", "chart");
        }
    }
}
