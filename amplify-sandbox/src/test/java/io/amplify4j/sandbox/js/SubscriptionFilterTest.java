package io.amplify4j.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionFilterTest {
    private static final Map<String, Object> TICKET = Map.of(
            "id", "t1",
            "severity", 3L,
            "priority", "high",
            "title", "Printer on fire",
            "tags", List.of("hardware", "urgent"),
            "score", 2.5,
            "owner", Map.of("group", "ops", "address", Map.of("country", "NZ")));

    private static Map<String, Object> filter(String fieldName, String operator, Object value) {
        var single = new java.util.HashMap<String, Object>();
        single.put("fieldName", fieldName);
        single.put("operator", operator);
        single.put("value", value);
        return Map.of("filterGroup", List.of(Map.of("filters", List.of(single))));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            severity | eq | 3 | true
            severity | eq | 3.0 | true
            severity | eq | 4 | false
            severity | ne | 4 | true
            severity | ne | 3 | false
            severity | le | 3 | true
            severity | lt | 3 | false
            severity | ge | 3 | true
            severity | gt | 2 | true
            severity | gt | 3 | false
            score | gt | 2 | true
            priority | eq | "high" | true
            priority | lt | "low" | true
            priority | gt | 3 | false
            title | contains | "on" | true
            title | contains | "water" | false
            title | notContains | "water" | true
            tags | contains | "urgent" | true
            tags | notContains | "urgent" | false
            title | beginsWith | "Printer" | true
            title | beginsWith | "on" | false
            priority | in | ["low","high"] | true
            priority | in | ["low"] | false
            priority | notIn | ["low"] | true
            priority | notIn | ["low","high"] | false
            severity | between | [1,3] | true
            severity | between | [4,5] | false
            tags | containsAny | ["x","urgent"] | true
            tags | containsAny | ["x","y"] | false
            owner.group | eq | "ops" | true
            owner.address.country | eq | "NZ" | true
            owner.missing.country | eq | "NZ" | false
            missing | ne | 1 | true
            missing | eq | null | true
            missing | gt | 1 | false
            severity | bogus | 3 | false
            """)
    void operators(String field, String operator, String value, boolean matches) {
        assertThat(SubscriptionFilter.matches(filter(field, operator, Json.read(value)), TICKET)).isEqualTo(matches);
    }

    @Test
    void groupsAreOredAndFiltersAnded() {
        Map<String, Object> filter = Map.of("filterGroup", List.of(
                Map.of("filters", List.of(
                        Map.of("fieldName", "severity", "operator", "ge", "value", 5L),
                        Map.of("fieldName", "priority", "operator", "eq", "value", "high"))),
                Map.of("filters", List.of(
                        Map.of("fieldName", "owner.group", "operator", "eq", "value", "ops"),
                        Map.of("fieldName", "tags", "operator", "contains", "value", "urgent")))));
        assertThat(SubscriptionFilter.matches(filter, TICKET)).isTrue();
        assertThat(SubscriptionFilter.matches(filter, Map.of("severity", 6L, "priority", "high"))).isTrue();
        assertThat(SubscriptionFilter.matches(filter, Map.of("severity", 6L, "priority", "low"))).isFalse();
    }

    @Test
    void aFilterWithoutGroupsLetsEverythingThrough() {
        assertThat(SubscriptionFilter.matches(Map.of("filterGroup", List.of()), TICKET)).isTrue();
    }

    @Test
    void problemsNameAppSyncsLimits() {
        Map<String, Object> filter = Map.of("filterGroup", List.of(Map.of("filters", List.of(
                Map.of("fieldName", "a", "operator", "in", "value", List.of(1, 2, 3, 4, 5, 6)),
                Map.of("fieldName", "a.b.c.d.e.f", "operator", "eq", "value", 1),
                Map.of("fieldName", "b", "operator", "between", "value", List.of(1)),
                Map.of("fieldName", "c", "operator", "lte", "value", 1),
                Map.of("fieldName", "d", "operator", "containsAny", "value", java.util.Collections.nCopies(21, "x")),
                Map.of("fieldName", "e", "operator", "notIn", "value", List.of(1, 2, 3, 4, 5))))));
        assertThat(SubscriptionFilter.problems(filter)).containsExactly(
                "filterGroup[0].filters[0] (in) needs a list of at most 5 values",
                "filterGroup[0].filters[1].fieldName a.b.c.d.e.f is nested deeper than 5 levels",
                "filterGroup[0].filters[2] (between) needs a list of two bounds",
                "filterGroup[0].filters[3].operator lte is not one of eq, ne, le, lt, ge, gt, contains, notContains,"
                        + " beginsWith, in, notIn, between, containsAny",
                "filterGroup[0].filters[4] (containsAny) needs a list of at most 20 values");
        assertThat(SubscriptionFilter.problems(Map.of("groups", List.of())))
                .containsExactly("filterGroup must be a list of groups");
    }
}
