package io.amplify4j.plan.resolver;

import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.plan.ModelPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code getX}: auth (the rules granting get) → GetItem by key; an item the caller may read only through an owner
 * or group-field rule it does not satisfy gives null and an Unauthorized error → response filter.
 */
final class GetGenerator {
    private GetGenerator() {}

    static ResolverPlan generate(ResolverContext context, ModelPlan model, String fieldName) {
        String type = "Query";
        List<PipelineFunctionPlan> functions = new ArrayList<>();
        functions.add(Modules.auth(type, fieldName, context.operationRules(model, ModelOperationKind.GET)));
        functions.add(Modules.data(context, type, fieldName, ResolverNames.tableDataSource(model.name()),
                new JsModule(type + "." + fieldName + " data")
                        .constant("KEY", context.primaryKey(model))
                        .snippet(JsSnippets.ITEM)
                        .snippet(JsSnippets.COMPOSITE)
                        .snippet(JsSnippets.KEY)
                        .request("return { operation: 'GetItem', key: util.dynamodb.toMapValues(keyOf(ctx.args, KEY)) };")
                        .response(Modules.ERROR_CHECK + """
                                const item = ctx.result ?? null;
                                if (item !== null && !itemAllowed(ctx.stash.auth, item)) {
                                  util.unauthorized();
                                }
                                return item;
                                """), "GetItem"));
        Modules.filter(context, model, type, fieldName, false).ifPresent(functions::add);
        return new ResolverPlan(type, fieldName, Modules.resolver(type, fieldName), functions);
    }
}
