package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** D7/D8 over the wire: malformed requests get AppSync-shaped request errors and the server stays up. */
@SandboxTest(definition = BlogBackend.class, users = "alice", queryDepthLimit = 6)
class RequestErrorsOverHttpTest {
    static final String OK = "{ listBlogs { items { id name } } }";

    private final Sandbox sandbox;

    RequestErrorsOverHttpTest(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    private Http.Response send(String query, Map<String, Object> variables) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken("alice"), query, variables);
    }

    private void assertStillServing() {
        Http.Response ok = send(OK, null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.errors()).isEmpty();
    }

    private static Map<String, Object> onlyError(Http.Response response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).containsEntry("data", null);
        assertThat(response.errors()).hasSize(1);
        Map<String, Object> error = response.errors().get(0);
        assertThat(new ArrayList<>(error.keySet())).containsExactly("path", "locations", "message");
        assertThat(error.get("path")).isNull();
        return error;
    }

    @Test
    void aSyntaxErrorIsARequestError() {
        Map<String, Object> error = onlyError(send("{ listBlogs { items { id } }", null));
        assertThat((String) error.get("message")).startsWith("Invalid syntax");
        assertThat(error.get("message").toString()).doesNotContain("at io.", "Exception");
        assertStillServing();
    }

    @Test
    void anUnknownFieldIsAValidationErrorInAppSyncsWording() {
        Map<String, Object> error = onlyError(send("{ syncBlogs { items { id } } }", null));
        assertThat(error.get("message"))
                .isEqualTo("Validation error of type FieldUndefined: Field 'syncBlogs' in type 'Query' is undefined"
                        + " @ 'syncBlogs'");
        assertThat((List<?>) error.get("locations")).hasSize(1);
        assertStillServing();
    }

    @Test
    void wrongOrMissingVariablesAreRequestErrors() {
        String query = "query Get($id: ID!) { getBlog(id: $id) { id } }";
        String limited = "query L($limit: Int) { listBlogs(limit: $limit) { items { id } } }";
        assertThat((String) onlyError(send(limited, Map.of("limit", "ten"))).get("message"))
                .contains("Variable 'limit'");
        assertThat((String) onlyError(send(query, Map.of())).get("message")).contains("Variable 'id'");
        assertThat((String) onlyError(send("{ getBlog { id } }", null)).get("message"))
                .startsWith("Validation error of type MissingFieldArgument");
        assertStillServing();
    }

    @Test
    void duplicateOperationsAndFragmentCyclesAreValidationErrors() {
        onlyError(send("query A { listBlogs { items { id } } } query A { listBlogs { items { id } } }", null));
        onlyError(send("{ listBlogs { items { ...F } } } fragment F on Blog { posts { items { blog { ...F } } } }",
                null));
        assertStillServing();
    }

    @Test
    void queriesDeeperThanTheLimitAreRefusedBeforeAnyResolverRuns() {
        String withinLimit = "{ listBlogs { items { posts { items { id } } } } }";
        assertThat(send(withinLimit, null).status()).isEqualTo(200);
        String tooDeep = "{ listBlogs { items { posts { items { blog { posts { items { id } } } } } } } }";
        Map<String, Object> error = onlyError(send(tooDeep, null));
        assertThat((String) error.get("message")).startsWith("Query depth limit of 6 exceeded");
        assertStillServing();
    }

    @Test
    void aBodyThatIsNotAGraphQLRequestIsABadRequest() {
        Map<String, String> headers = Map.of("content-type", "application/json", "Authorization",
                sandbox.idToken("alice"));
        Http.Response notJson = Http.post(sandbox.graphqlEndpoint(), headers, "{nope");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorTypes()).containsExactly("MalformedHttpRequestException");
        Http.Response noQuery = Http.post(sandbox.graphqlEndpoint(), headers, "{\"variables\":{}}");
        assertThat(noQuery.status()).isEqualTo(400);
        assertThat(noQuery.errorTypes()).containsExactly("BadRequestException");
        assertStillServing();
    }
}
