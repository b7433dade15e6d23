package io.amplify4j.plan.resolver;

import io.amplify4j.plan.IndexPlan;
import io.amplify4j.plan.KeyAttribute;
import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.PrimaryKeyPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code listXs} and index queries ({@code listXByY}): auth (the rules granting list) → Query (when the partition
 * key is given; always for index queries) or Scan, with the caller's filter AND-ed with the auth filter of owner and
 * group-field rules, limit (default 100, at most 1000), nextToken and sortDirection → response filter. A page may be
 * shorter than the limit (DynamoDB filters after reading), but its nextToken is always passed on. On a Query, checks
 * on the partition key are decided from the queried value (DynamoDB refuses key attributes in a filter): an owner
 * index queried for the caller needs no filter, one queried for someone else matches nothing.
 */
final class ListGenerator {
    private ListGenerator() {}

    static ResolverPlan list(ResolverContext context, ModelPlan model, String fieldName) {
        PrimaryKeyPlan key = model.primaryKey();
        Optional<Map<String, Object>> keyJson = key.explicit()
                ? Optional.of(key(key.partitionKey(), key.partitionAttribute(), key.sortKeys(), key.sortAttribute(),
                        context))
                : Optional.empty();
        return generate(context, model, fieldName, keyJson, Optional.empty());
    }

    static ResolverPlan index(ResolverContext context, ModelPlan model, IndexPlan index, String fieldName) {
        return generate(context, model, fieldName,
                Optional.of(key(index.partitionKey(), index.partitionAttribute(), index.sortKeys(),
                        index.sortAttribute(), context)),
                Optional.of(index.name()));
    }

    private static Map<String, Object> key(String partitionKey, KeyAttribute partitionAttribute, List<String> sortKeys,
            Optional<KeyAttribute> sortAttribute, ResolverContext context) {
        Map<String, Object> json = new TreeMap<>();
        json.put("partitionArgument", partitionKey);
        json.put("partitionAttribute", partitionAttribute.name());
        json.put("sortArgument", sortKeys.isEmpty() ? null
                : sortKeys.size() == 1 ? sortKeys.get(0) : context.names.compositeSortKeyArgument(sortKeys));
        json.put("sortAttribute", sortAttribute.map(a -> (Object) a.name()).orElse(null));
        json.put("sortFields", sortKeys);
        return json;
    }

    private static ResolverPlan generate(ResolverContext context, ModelPlan model, String fieldName,
            Optional<Map<String, Object>> key, Optional<String> index) {
        String type = "Query";
        List<PipelineFunctionPlan> functions = new ArrayList<>();
        functions.add(Modules.auth(type, fieldName, context.operationRules(model, ModelOperationKind.LIST), context,
                model, "[ctx.args.filter, ctx.args]"));
        JsModule data = new JsModule(type + "." + fieldName + " data");
        key.ifPresent(k -> data.constant("KEY", k));
        index.ifPresent(i -> data.constant("INDEX", i));
        data.snippet(JsSnippets.CHECKS_EXPRESSION).snippet(JsSnippets.AND_EXPRESSIONS)
                .snippet(JsSnippets.FILTER_EXPRESSION).snippet(JsSnippets.LIMIT);
        if (key.isPresent()) {
            data.snippet(JsSnippets.COMPOSITE).snippet(JsSnippets.KEY_CONDITION);
        }
        StringBuilder request = new StringBuilder();
        request.append("const args = ctx.args;\n");
        request.append("const decision = ctx.stash.auth;\n");
        boolean guarded = Modules.guarded(context, model);
        if (guarded) {
            data.snippet(JsSnippets.GUARD_EXPRESSIONS);
        }
        if (key.isPresent()) {
            data.snippet(JsSnippets.KEY_CHECKS);
            request.append("const query = keyCondition(args, KEY);\n");
            request.append("const authChecks = decision.isStatic ? null : keyChecks(decision.checks, query ? args : null, KEY);\n");
            request.append("const filter = andExpressions([\n"
                    + "  filterExpression(args.filter),\n"
                    + "  authChecks === null ? null : checksExpression(authChecks, 'a4j_auth'),\n"
                    + (guarded
                            ? "].concat(guardExpressions(keyResolvedChecks(ctx.stash.guardChecks, query ? args : null, KEY))));\n"
                            : "]);\n"));
        } else {
            request.append("const filter = andExpressions([\n"
                    + "  filterExpression(args.filter),\n"
                    + "  decision.isStatic ? null : checksExpression(decision.checks, 'a4j_auth'),\n"
                    + (guarded ? "].concat(guardExpressions(ctx.stash.guardChecks)));\n" : "]);\n"));
            request.append("const query = null;\n");
        }
        request.append("const request = { operation: query ? 'Query' : 'Scan', limit: limitOf(args.limit) };\n");
        request.append("""
                if (query) {
                  request.query = query;
                  request.scanIndexForward = args.sortDirection !== 'DESC';
                }
                """);
        index.ifPresent(i -> request.append("request.index = INDEX;\n"));
        request.append("""
                if (filter) {
                  request.filter = filter;
                }
                if (args.nextToken) {
                  request.nextToken = args.nextToken;
                }
                return request;
                """);
        data.request(request.toString())
                .response(Modules.ERROR_CHECK + "return { items: ctx.result.items ?? [], nextToken: ctx.result.nextToken ?? null };");
        functions.add(Modules.data(context, type, fieldName, ResolverNames.tableDataSource(model.name()), data,
                index.isPresent() ? new String[] {"Query"}
                        : key.isPresent() ? new String[] {"Query", "Scan"} : new String[] {"Scan"}));
        Modules.filter(context, model, type, fieldName, true).ifPresent(functions::add);
        return new ResolverPlan(type, fieldName, Modules.resolver(type, fieldName), functions);
    }
}
