package io.amplify4j.sandbox.authz;

import static io.amplify4j.sandbox.authz.AuthorizationMatrixTest.UA_ITEM;
import static io.amplify4j.sandbox.authz.AuthorizationMatrixTest.errorTypes;
import static io.amplify4j.sandbox.authz.AuthorizationMatrixTest.item;
import static io.amplify4j.sandbox.authz.Matrix.UA;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.dynamodb.AttributeValues;
import io.amplify4j.sandbox.js.ResolverResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bad input reaching the generated resolvers: each gives an AppSync-shaped error (null data, an error with an
 * {@code errorType}) and changes nothing; the store is compared before and after.
 *
 * <p>Where the line is: on AppSync, GraphQL validation against the schema runs before any resolver, so a filter
 * naming a field the filter input does not declare, or a value of the wrong type, never reaches resolvers
 * ({@code ValidationError}, "Validation error of type WrongType ..."). The sandbox server must do the same with the
 * plan's SDL; the resolvers trust schema-validated arguments and are not a second type checker. What resolvers
 * must get right themselves, and this test pins: operators and shapes the schema cannot exclude, sizes, tokens,
 * limits, and conditions naming attributes the item lacks.
 */
class BadInputTest {
    static Matrix m;
    Map<String, Object> doc;
    List<Map<String, Object>> before;

    @BeforeAll
    static void start() {
        m = new Matrix();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    @BeforeEach
    void seed() {
        doc = m.seed("AuthedDoc", UA_ITEM);
        before = m.all("AuthedDoc");
    }

    @AfterEach
    void wipe() {
        m.wipe();
    }

    private void assertRefusedAndUnchanged(ResolverResult result, String errorType) {
        assertThat(result.data()).isNull();
        assertThat(errorTypes(result)).containsExactly(errorType);
        assertThat(result.errors().get(0).message()).isNotBlank()
                .doesNotContainPattern("\\bat [\\w.$]+\\(").doesNotContain(".js").doesNotContain("Exception:");
        assertThat(m.all("AuthedDoc")).isEqualTo(before);
    }

    @Test
    @DisplayName("a filter with an operator the filter input does not have is a ValidationError")
    void unknownOperator() {
        assertRefusedAndUnchanged(m.run("Query", "listAuthedDocs",
                Map.of("filter", Map.of("content", Map.of("like", "A%"))), null, UA), "ValidationError");
    }

    @Test
    @DisplayName("a filter naming an unknown field matches nothing and changes nothing (GraphQL validation "
            + "rejects it before resolvers on AppSync)")
    void unknownFilterField() {
        ResolverResult listed = m.run("Query", "listAuthedDocs",
                Map.of("filter", Map.of("nope", Map.of("eq", "x"))), null, UA);
        assertThat(listed.errors()).isEmpty();
        assertThat(((Map<?, ?>) listed.data()).get("items")).isEqualTo(List.of());
        assertThat(m.all("AuthedDoc")).isEqualTo(before);
    }

    @Test
    @DisplayName("a condition naming an unknown field fails the condition; nothing changes")
    void unknownConditionField() {
        assertRefusedAndUnchanged(m.run("Mutation", "updateAuthedDoc",
                Map.of("input", item("id", doc.get("id"), "content", "y"),
                        "condition", Map.of("nope", Map.of("eq", "x"))), null, UA),
                "DynamoDB:ConditionalCheckFailedException");
    }

    @Test
    @DisplayName("a filter value of the wrong type matches nothing and changes nothing (GraphQL validation rejects "
            + "it before resolvers on AppSync)")
    void wrongTypeInFilter() {
        ResolverResult listed = m.run("Query", "listAuthedDocs",
                Map.of("filter", Map.of("content", Map.of("eq", 42))), null, UA);
        assertThat(((Map<?, ?>) listed.data()).get("items")).isEqualTo(List.of());
        assertThat(m.all("AuthedDoc")).isEqualTo(before);
    }

    @Test
    @DisplayName("a limit below 1 is a ValidationError")
    void badLimit() {
        assertRefusedAndUnchanged(m.run("Query", "listAuthedDocs", Map.of("limit", 0), null, UA), "ValidationError");
    }

    @Test
    @DisplayName("an item over 400 KB is refused by create and by update; nothing is written")
    void oversizedItem() {
        String big = "x".repeat(AttributeValues.MAX_ITEM_SIZE + 1);
        assertRefusedAndUnchanged(m.run("Mutation", "createAuthedDoc", Map.of("input", item("content", big)), null, UA),
                "DynamoDB:ValidationException");
        assertRefusedAndUnchanged(m.run("Mutation", "updateAuthedDoc",
                Map.of("input", item("id", doc.get("id"), "content", big)), null, UA), "DynamoDB:ValidationException");
    }

    @Test
    @DisplayName("an update that grows the item past 400 KB is refused; the old item stays")
    void growingPastTheLimit() {
        String half = "y".repeat(AttributeValues.MAX_ITEM_SIZE / 2 + 10);
        ResolverResult first = m.run("Mutation", "updateAuthedDoc",
                Map.of("input", item("id", doc.get("id"), "content", half)), null, UA);
        assertThat(first.errors()).isEmpty();
        before = m.all("AuthedDoc");
        assertRefusedAndUnchanged(m.run("Mutation", "updateAuthedDoc",
                Map.of("input", item("id", doc.get("id"), "team", half)), null, UA), "DynamoDB:ValidationException");
    }

    @Test
    @DisplayName("a malformed nextToken is a DynamoDB:ValidationException: garbage, a forged key, another "
            + "table's token")
    void malformedNextToken() {
        String forged = Base64.getEncoder().encodeToString("{\"id\":{\"S\":\"zzz\"}}".getBytes(StandardCharsets.UTF_8));
        for (String token : List.of("garbage!!", forged)) {
            assertRefusedAndUnchanged(m.run("Query", "listAuthedDocs", Map.of("nextToken", token), null, UA),
                    "DynamoDB:ValidationException");
        }
        // A token of another table's scan.
        m.seed("OwnedDoc", UA_ITEM);
        m.seed("OwnedDoc", UA_ITEM);
        ResolverResult page = m.run("Query", "listOwnedDocs", Map.of("limit", 1), null, UA);
        Object token = ((Map<?, ?>) page.data()).get("nextToken");
        assertThat(token).isNotNull();
        assertRefusedAndUnchanged(m.run("Query", "listAuthedDocs", Map.of("nextToken", token), null, UA),
                "DynamoDB:ValidationException");
    }
}
