package io.amplify4j.plan.resolver;

import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.plan.ModelPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deleteX}: auth (the rules granting delete) → DeleteItem whose ONE condition is
 * {@code attribute_exists(<pk>)} AND the caller's condition AND the owner/group check → response filter on the
 * deleted item.
 */
final class DeleteGenerator {
    private DeleteGenerator() {}

    static final String DATA_REQUEST = """
            const decision = ctx.stash.auth;
            const conditions = [
              { expression: 'attribute_exists(#a4j_key)', expressionNames: { '#a4j_key': KEY.partitionAttribute } },
              conditionExpression(ctx.args.condition),
            ];
            if (!decision.isStatic) {
              conditions.push(checksExpression(decision.checks, 'a4j_auth'));
            }
            return {
              operation: 'DeleteItem',
              key: util.dynamodb.toMapValues(keyOf(ctx.args.input ?? {}, KEY)),
              condition: andExpressions(conditions),
            };
            """;

    static ResolverPlan generate(ResolverContext context, ModelPlan model, String fieldName) {
        String type = "Mutation";
        List<PipelineFunctionPlan> functions = new ArrayList<>();
        functions.add(Modules.auth(type, fieldName, context.operationRules(model, ModelOperationKind.DELETE), context,
                model, "[ctx.args.condition]"));
        boolean guarded = Modules.guarded(context, model);
        JsModule data = new JsModule(type + "." + fieldName + " data");
        if (guarded) {
            data.snippet(JsSnippets.CHECKS_EXPRESSION).snippet(JsSnippets.GUARD_EXPRESSIONS);
        }
        functions.add(Modules.data(context, type, fieldName, ResolverNames.tableDataSource(model.name()),
                data
                        .constant("KEY", context.primaryKey(model))
                        .snippet(JsSnippets.CHECKS_EXPRESSION).snippet(JsSnippets.AND_EXPRESSIONS)
                        .snippet(JsSnippets.CONDITION_EXPRESSION)
                        .snippet(JsSnippets.COMPOSITE)
                        .snippet(JsSnippets.KEY)
                        .request(guarded
                                ? DATA_REQUEST.replace("return {", """
                                        for (const expression of guardExpressions(ctx.stash.guardChecks)) {
                                          conditions.push(expression);
                                        }
                                        return {""")
                                : DATA_REQUEST)
                        .response(Modules.ERROR_CHECK + "return ctx.result;"), "DeleteItem"));
        Modules.filter(context, model, type, fieldName, false).ifPresent(functions::add);
        return new ResolverPlan(type, fieldName, Modules.resolver(type, fieldName), functions);
    }
}
