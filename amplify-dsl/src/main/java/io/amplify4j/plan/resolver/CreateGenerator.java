package io.amplify4j.plan.resolver;

import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.plan.ModelPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code createX}: auth (the rules granting create; absent owner fields filled with the caller's identity, supplied
 * ones must name the caller unless a static rule admits it; field-level create rules) → PutItem with defaults, id,
 * timestamps, validators, composite attributes and {@code attribute_not_exists(<pk>)} AND the caller's condition →
 * response filter.
 */
final class CreateGenerator {
    private CreateGenerator() {}

    static final String AUTH_REQUEST = """
            const input = ctx.args.input ?? {};
            const decision = authorize(ctx, RULES);
            if (!decision.allowed) {
              util.unauthorized();
            }
            const fill = {};
            let satisfied = decision.isStatic;
            for (const check of decision.checks) {
              const supplied = input[check.field];
              if (supplied === undefined || supplied === null) {
                if (check.kind === 'owner' && fill[check.field] === undefined) {
                  fill[check.field] = check.multiple ? [check.values[0]] : check.values[0];
                  satisfied = true;
                }
              } else if (satisfies(check, supplied)) {
                satisfied = true;
              } else if (check.kind === 'owner' && !decision.isStatic) {
                util.unauthorized();
              }
            }
            if (!satisfied) {
              util.unauthorized();
            }
            const item = Object.assign({}, input, fill);
            for (const field of Object.keys(FIELD_RULES)) {
              if (input[field] !== undefined && !itemAllowed(authorize(ctx, FIELD_RULES[field]), item)) {
                util.unauthorized();
              }
            }
            ctx.stash.auth = decision;
            ctx.stash.ownerFill = fill;
            return { payload: null };
            """;

    static final String DATA_REQUEST = """
            const input = ctx.args.input ?? {};
            const now = util.time.nowISO8601();
            const item = {};
            for (const field of Object.keys(input)) {
              if (input[field] !== undefined && input[field] !== null) {
                item[field] = input[field];
              }
            }
            const fill = ctx.stash.ownerFill ?? {};
            for (const field of Object.keys(fill)) {
              item[field] = fill[field];
            }
            for (const field of Object.keys(MODEL.defaults)) {
              if (item[field] === undefined) {
                item[field] = MODEL.defaults[field];
              }
            }
            if (MODEL.generatesId && item.id === undefined) {
              item.id = util.autoId();
            }
            for (const field of MODEL.timestamps) {
              if (item[field] === undefined) {
                item[field] = now;
              }
            }
            if (MODEL.versionField && item[MODEL.versionField] === undefined) {
              item[MODEL.versionField] = 1;
            }
            validate(item, MODEL.validators);
            for (const composite of MODEL.composites) {
              const value = compositeOf(item, composite.fields);
              if (value.complete) {
                item[composite.attribute] = value.value;
              }
            }
            const key = keyOf(item, MODEL.key);
            const attributeValues = Object.assign({}, item);
            for (const attribute of Object.keys(key)) {
              delete attributeValues[attribute];
            }
            const condition = andExpressions([
              { expression: 'attribute_not_exists(#a4j_key)', expressionNames: { '#a4j_key': MODEL.key.partitionAttribute } },
              conditionExpression(ctx.args.condition),
            ]);
            return {
              operation: 'PutItem',
              key: util.dynamodb.toMapValues(key),
              attributeValues: util.dynamodb.toMapValues(attributeValues),
              condition: condition,
            };
            """;

    static ResolverPlan generate(ResolverContext context, ModelPlan model, String fieldName) {
        String type = "Mutation";
        List<PipelineFunctionPlan> functions = new ArrayList<>();
        functions.add(Modules.authWith(type, fieldName, new JsModule(Modules.AUTH_TITLE)
                .constant("RULES", context.operationRules(model, ModelOperationKind.CREATE))
                .constant("FIELD_RULES", context.fieldRules(model, ModelOperation.CREATE))
                .snippet(JsSnippets.CALLER)
                .snippet(JsSnippets.ITEM)
                .request(AUTH_REQUEST)
                .response(Modules.AUTH_RESPONSE)));
        Map<String, Object> facts = new TreeMap<>();
        facts.put("key", context.primaryKey(model));
        facts.put("composites", context.composites(model));
        facts.put("defaults", context.defaults(model));
        facts.put("generatesId", ResolverContext.generatesId(model));
        facts.put("timestamps", context.timestamps(model));
        facts.put("validators", context.validators(model));
        facts.put("versionField", model.definition().versionField().orElse(null));
        functions.add(Modules.data(context, type, fieldName, ResolverNames.tableDataSource(model.name()),
                new JsModule(type + "." + fieldName + " data")
                        .constant("MODEL", facts)
                        .snippet(JsSnippets.AND_EXPRESSIONS).snippet(JsSnippets.CONDITION_EXPRESSION)
                        .snippet(JsSnippets.COMPOSITE)
                        .snippet(JsSnippets.KEY)
                        .snippet(JsSnippets.VALIDATE)
                        .request(DATA_REQUEST)
                        .response(Modules.ERROR_CHECK + "return ctx.result;"), "PutItem"));
        Modules.filter(context, model, type, fieldName, false).ifPresent(functions::add);
        return new ResolverPlan(type, fieldName, Modules.resolver(type, fieldName), functions);
    }
}
