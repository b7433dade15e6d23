package io.amplify4j.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.resolver.PipelineFunctionPlan;
import io.amplify4j.plan.resolver.ResolverPlan;
import io.amplify4j.sandbox.datasource.NoneDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A table's merged data function (one module for all its reads, one for all its writes) runs the branch of the field
 * {@code ctx.info} names, and refuses a field it does not serve instead of running some other field's branch.
 */
class TableFunctionDispatchTest {
    private static final DataPlan TODO = BackendPlan.of(new TodoBackend().define()).data().orElseThrow();
    private static final DataPlan SHOP = BackendPlan.of(new ShopBackend().define()).data().orElseThrow();
    private static ResolverEngine engine;

    /** Stands in for the auth function: a caller every rule admits. */
    private static final String ADMIT = """
            export function request(ctx) {
              ctx.stash.auth = { allowed: true, isStatic: true, checks: [] };
              return { payload: null };
            }
            export function response(ctx) {
              return ctx.prev.result;
            }
            """;

    private static final String PASS = """
            export function request(ctx) {
              return {};
            }
            export function response(ctx) {
              return ctx.prev.result;
            }
            """;

    @BeforeAll
    static void start() {
        engine = Guest.engine();
        engine.define("pass.js", PASS);
        engine.define("admit.js", ADMIT);
        engine.define("TodoTableRead.js", data(TODO, "Query", "getTodo").code());
        engine.define("OrderTableRead.js", data(SHOP, "OrderItem", "order").code());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static PipelineFunctionPlan data(DataPlan plan, String type, String field) {
        ResolverPlan resolver = plan.resolver(type, field).orElseThrow();
        return resolver.functions().stream().filter(f -> f.role() == PipelineFunctionPlan.Role.DATA).findFirst()
                .orElseThrow();
    }

    /** Runs {@code module} for {@code type.field} and returns the requests it sent to its data source. */
    private static List<Map<String, Object>> requests(String module, String type, String field,
            Map<String, Object> arguments, Object source, List<ResolverResult> results) {
        List<Map<String, Object>> requests = new ArrayList<>();
        RequestContext.Builder request = RequestContext.builder(ResolverInfo.of(type, field)).arguments(arguments);
        if (source != null) {
            request.source(source);
        }
        results.add(engine.execute(Pipeline.of("pass.js",
                new PipelineFunction("Admit", "admit.js", new NoneDataSource()),
                new PipelineFunction("Data", module, r -> {
                    requests.add(r);
                    return Map.of("items", List.of());
                })), request.apiKey().build()));
        return requests;
    }

    @Test
    void theFieldBeingResolvedChoosesTheBranch() {
        List<ResolverResult> results = new ArrayList<>();
        assertThat(requests("TodoTableRead.js", "Query", "getTodo", Map.of("id", "t1"), null, results))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("operation", "GetItem"));
        assertThat(requests("TodoTableRead.js", "Query", "listTodos", Map.of(), null, results))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("operation", "Scan"));
        assertThat(results).allSatisfy(r -> assertThat(r.errors()).isEmpty());
    }

    @Test
    void aRelationshipFieldChoosesItsBranchByItsParentType() {
        List<ResolverResult> results = new ArrayList<>();
        // OrderItem.order is a belongsTo: GetItem on the order's key, taken from the parent item (ctx.source).
        List<Map<String, Object>> requests = requests("OrderTableRead.js", "OrderItem", "order", Map.of(),
                Map.of("orderCustomerId", "c1", "orderCreatedAt", "2026-01-01T00:00:00Z"), results);
        assertThat(requests).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("operation", "GetItem")
                .containsEntry("key", Map.of("customerId", Map.of("S", "c1"),
                        "createdAt", Map.of("S", "2026-01-01T00:00:00Z"))));
    }

    @Test
    void aFieldTheFunctionDoesNotServeIsAnErrorAndReachesNoTable() {
        List<ResolverResult> results = new ArrayList<>();
        assertThat(requests("TodoTableRead.js", "Mutation", "createTodo", Map.of("input", Map.of()), null, results))
                .isEmpty();
        assertThat(results.get(0).data()).isNull();
        assertThat(results.get(0).errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("TodoTableRead does not serve Mutation.createTodo");
            assertThat(e.errorType()).contains("MappingTemplate");
        });
    }
}
