package io.amplify4j.client.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.client.json.AmplifyJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters, conditions, subscription filters and key conditions render AppSync's input shapes exactly. */
class FilterJsonTest {
    private final ObjectMapper json = AmplifyJson.mapper();

    private String render(Object filter) throws Exception {
        return json.writeValueAsString(filter);
    }

    @Test
    void fieldPredicatesRenderTheirOperatorAndWireValue() throws Exception {
        assertThat(render(Item.NAME.beginsWith("ab"))).isEqualTo("{\"name\":{\"beginsWith\":\"ab\"}}");
        assertThat(render(Item.ACTIVE.eq(true))).isEqualTo("{\"active\":{\"eq\":true}}");
        assertThat(render(Item.COUNT.between(1, 5))).isEqualTo("{\"count\":{\"between\":[1,5]}}");
        assertThat(render(Item.PRICE.gt(10))).isEqualTo("{\"price\":{\"gt\":10.0}}");
        assertThat(render(Item.STATUS.ne(Item.Status.DONE))).isEqualTo("{\"status\":{\"ne\":\"DONE\"}}");
        assertThat(render(Item.DAY.ge(LocalDate.of(2026, 11, 26)))).isEqualTo("{\"day\":{\"ge\":\"2026-11-26\"}}");
        assertThat(render(Item.AT.lt(LocalTime.of(9, 30)))).isEqualTo("{\"at\":{\"lt\":\"09:30:00\"}}");
        assertThat(render(Item.PLACED_AT.le(Instant.parse("2026-11-26T09:30:00Z"))))
                .isEqualTo("{\"placedAt\":{\"le\":\"2026-11-26T09:30:00Z\"}}");
        assertThat(render(Item.SEEN.gt(Instant.ofEpochSecond(1700000000))))
                .isEqualTo("{\"seen\":{\"gt\":1700000000}}");
        assertThat(render(Item.NAME.attributeExists(false))).isEqualTo("{\"name\":{\"attributeExists\":false}}");
        assertThat(render(Item.NAME.attributeType(AttributeType.NULL)))
                .isEqualTo("{\"name\":{\"attributeType\":\"_null\"}}");
        assertThat(render(Item.NAME.size().between(1, 3))).isEqualTo("{\"name\":{\"size\":{\"between\":[1,3]}}}");
    }

    @Test
    void combinationsNestAndFlattenRunsOfTheSameOperator() throws Exception {
        FieldPredicate<Item> both = Item.ACTIVE.eq(true).and(Item.COUNT.gt(2)).and(Item.NAME.contains("x"));
        assertThat(render(both)).isEqualTo("{\"and\":[{\"active\":{\"eq\":true}},{\"count\":{\"gt\":2}},"
                + "{\"name\":{\"contains\":\"x\"}}]}");
        assertThat(render(Item.ACTIVE.eq(true).or(Item.COUNT.gt(2)).not()))
                .isEqualTo("{\"not\":{\"or\":[{\"active\":{\"eq\":true}},{\"count\":{\"gt\":2}}]}}");
        ModelFilter<Item> any = ModelFilter.anyOf(Item.ID.eq("a"), Item.ID.eq("b"), Item.ID.eq("c"));
        assertThat(any.toVariables()).isEqualTo(java.util.Map.of("or", List.of(
                java.util.Map.of("id", java.util.Map.of("eq", "a")), java.util.Map.of("id", java.util.Map.of("eq", "b")),
                java.util.Map.of("id", java.util.Map.of("eq", "c")))));
        ModelCondition<Item> condition = ModelCondition.allOf(Item.COUNT.ge(1), Item.STATUS.eq(Item.Status.OPEN));
        assertThat(render(condition)).isEqualTo("{\"and\":[{\"count\":{\"ge\":1}},{\"status\":{\"eq\":\"OPEN\"}}]}");
    }

    @Test
    void subscriptionFiltersUseTheSubscriptionOperators() throws Exception {
        SubscriptionFilter<Item> filter = Item.COUNT.subscription().in(1, 2)
                .and(Item.STATUS.subscription().notIn(Item.Status.DONE))
                .or(Item.NAME.subscription().beginsWith("x"));
        assertThat(render(filter)).isEqualTo("{\"or\":[{\"and\":[{\"count\":{\"in\":[1,2]}},"
                + "{\"status\":{\"notIn\":[\"DONE\"]}}]},{\"name\":{\"beginsWith\":\"x\"}}]}");
        assertThat(render(Item.ACTIVE.subscription().eq(false))).isEqualTo("{\"active\":{\"eq\":false}}");
        assertThat(render(Item.SEEN.subscription().between(Instant.ofEpochSecond(1), Instant.ofEpochSecond(2))))
                .isEqualTo("{\"seen\":{\"between\":[1,2]}}");
    }

    @Test
    void keyConditionsRenderTheConditionAndNameTheirSortKey() throws Exception {
        KeyCondition<Item> prefix = Item.NAME_KEY.beginsWith("2026-");
        assertThat(prefix.field()).isEqualTo("name");
        assertThat(render(prefix)).isEqualTo("{\"beginsWith\":\"2026-\"}");
        assertThat(render(Item.PLACED_KEY.between(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"))))
                .isEqualTo("{\"between\":[\"2026-01-01T00:00:00Z\",\"2026-02-01T00:00:00Z\"]}");
        assertThat(SortDirection.valueOf("DESC")).isEqualTo(SortDirection.DESC);
    }

    @Test
    void missingValuesAndEmptyListsAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> Item.NAME.eq(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("name.eq").hasMessageContaining("attributeExists(false)");
        assertThatThrownBy(() -> Item.COUNT.subscription().in(List.of()))
                .hasMessageContaining("`count.in` needs at least one value");
    }

    @Test
    void predicatesCompareByContent() {
        assertThat(Item.NAME.eq("a")).isEqualTo(Item.NAME.eq("a")).hasSameHashCodeAs(Item.NAME.eq("a"))
                .isNotEqualTo(Item.NAME.eq("b"));
        assertThat(Item.NAME).hasToString("Item.name").isEqualTo(StringField.of(Item.class, "name"));
    }
}
