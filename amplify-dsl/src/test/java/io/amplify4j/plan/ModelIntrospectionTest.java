package io.amplify4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.manifest.Json;
import io.amplify4j.testing.Golden;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelIntrospectionTest {

    static Stream<Arguments> schemas() {
        return Stream.of(
                Arguments.of("todo", new TodoBackend()),
                Arguments.of("blog", new BlogBackend()),
                Arguments.of("shop", new ShopBackend()),
                Arguments.of("ai", new AiBackend()));
    }

    private static String introspectionJson(BackendDefinition definition) {
        return BackendPlan.of(definition.define()).data().orElseThrow().modelIntrospection();
    }

    private static JsonNode introspect(BackendDefinition definition) {
        try {
            return Json.mapper().readTree(introspectionJson(definition));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void matchesGolden(String name, BackendDefinition definition) {
        Golden.assertMatches("introspection/" + name + ".json", introspectionJson(definition));
    }

    @Test
    void describesKeysRelationshipsAndRulesAsAmplifysClientsReadThem() {
        JsonNode shop = introspect(new ShopBackend());
        JsonNode order = shop.path("models").path("Order");

        assertThat(order.path("pluralName").asText()).isEqualTo("Orders");
        assertThat(order.path("primaryKeyInfo").toString()).isEqualTo(
                "{\"isCustomPrimaryKey\":true,\"primaryKeyFieldName\":\"customerId\","
                        + "\"sortKeyFieldNames\":[\"createdAt\"]}");
        assertThat(order.path("fields").path("items").path("association").toString()).isEqualTo(
                "{\"connectionType\":\"HAS_MANY\",\"associatedWith\":[\"orderCustomerId\",\"orderCreatedAt\"]}");
        assertThat(shop.path("models").path("OrderItem").path("fields").path("order").path("association")
                .toString()).isEqualTo(
                "{\"connectionType\":\"BELONGS_TO\",\"targetNames\":[\"orderCustomerId\",\"orderCreatedAt\"]}");
        assertThat(order.path("fields").path("createdAt").path("isReadOnly").asBoolean()).isTrue();
        assertThat(order.path("fields").path("status").path("type").toString())
                .isEqualTo("{\"enum\":\"OrderStatus\"}");
        assertThat(shop.path("enums").path("Rating").path("values")).hasSize(5);
        assertThat(shop.path("nonModels").path("Address").path("fields").path("country").path("isRequired")
                .asBoolean()).isTrue();
        assertThat(shop.path("queries").path("recommendProducts").path("type").toString())
                .isEqualTo("{\"nonModel\":\"Recommendation\"}");
        assertThat(shop.path("mutations").path("adjustStock").path("arguments").path("shipTo").path("type")
                .toString()).isEqualTo("{\"input\":\"AddressInput\"}");
    }

    @Test
    void theSameDefinitionGivesIdenticalBytes() {
        assertThat(introspectionJson(new ShopBackend())).isEqualTo(introspectionJson(new ShopBackend()));
    }
}
