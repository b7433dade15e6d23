package io.amplify4j.plan.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.plan.DataPlan;
import io.amplify4j.testing.Golden;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden copies of generated modules: every module of the todo schema, and a sample of the shop (composite key,
 * version field, field-level rules, owner subscription, relationship), the ledger (composite sort keys) and the AI
 * routes (generation with a custom type and a scalar return, and the conversation route's operations).
 * Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class ResolverGoldenTest {
    private static final Map<String, DataPlan> PLANS = ResolverFixtures.plans();

    static Stream<Arguments> modules() {
        Stream<Arguments> todo = ResolverFixtures.modules(PLANS.get("todo")).keySet().stream()
                .map(path -> Arguments.of("todo", path));
        Stream<Arguments> shop = sample("shop", List.of("Mutation/createOrder/", "Query/listOrders/",
                "Mutation/updateOrder/", "Subscription/onCreateOrder/", "Product/reviews/", "Query/getOrder/",
                "SupportTicket/", "Query/recommendProducts/", "Mutation/adjustStock/", "OrderItem/order/"));
        Stream<Arguments> ledger = sample("ledger", List.of("Query/listEntries/", "Query/entriesByKind/",
                "Mutation/createEntry/", "Mutation/auditEntry/"));
        Stream<Arguments> ai = sample("ai", List.of("Query/describeProduct/", "Query/summarize/", "Mutation/chat/",
                "Mutation/createAssistantResponseChat/", "Mutation/createAssistantResponseStreamChat/",
                "Subscription/onCreateAssistantResponseChat/"));
        return Stream.of(todo, shop, ledger, ai).flatMap(s -> s);
    }

    private static Stream<Arguments> sample(String plan, List<String> prefixes) {
        return ResolverFixtures.modules(PLANS.get(plan)).keySet().stream()
                .filter(path -> prefixes.stream().anyMatch(path::startsWith))
                .map(path -> Arguments.of(plan, path));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("modules")
    void moduleMatchesGolden(String plan, String path) {
        String code = ResolverFixtures.modules(PLANS.get(plan)).get(path);
        assertThat(code).isNotNull();
        Golden.assertMatches("resolvers/" + plan + "/" + path, code);
    }
}
