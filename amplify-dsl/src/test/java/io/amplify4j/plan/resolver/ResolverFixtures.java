package io.amplify4j.plan.resolver;

import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.LedgerBackend;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The fixture plans (todo, blog, shop, the ledger for composite keys, the extras, and the AI routes) whose resolvers the tests check, and every generated module of a plan by its path. */
final class ResolverFixtures {
    private ResolverFixtures() {}

    static Map<String, DataPlan> plans() {
        Map<String, DataPlan> plans = new LinkedHashMap<>();
        plans.put("todo", plan(new TodoBackend().define()));
        plans.put("blog", plan(new BlogBackend().define()));
        plans.put("shop", plan(new ShopBackend().define()));
        plans.put("ledger", plan(new LedgerBackend().define()));
        plans.put("extras", plan(new ExtrasBackend().define()));
        plans.put("ai", plan(new AiBackend().define()));
        return plans;
    }

    static DataPlan plan(io.amplify4j.model.BackendModel model) {
        return BackendPlan.of(model).data().orElseThrow();
    }

    /** Generated modules by path ({@code Query/getTodo/resolver.js}), sorted. User modules are not included. */
    static Map<String, String> modules(DataPlan plan) {
        Map<String, String> modules = new TreeMap<>();
        for (ResolverPlan resolver : plan.resolvers()) {
            modules.put(ResolverNames.resolverModulePath(resolver.typeName(), resolver.fieldName()), resolver.code());
            for (PipelineFunctionPlan function : resolver.functions()) {
                if (function.source() instanceof ModuleSource.Generated generated) {
                    modules.put(ResolverNames.functionModulePath(resolver.typeName(), resolver.fieldName(),
                            function.name()), generated.code());
                }
            }
        }
        return modules;
    }
}
