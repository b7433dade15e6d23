package io.amplify4j.plan.resolver;

import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.plan.ModelPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code updateX}: auth (the rules granting update; for callers admitted only through owner or group-field rules,
 * an owner field may change only when the caller is that field's owner under a rule allowing owner transfer, checked
 * in the condition; field-level update rules) → UpdateItem whose ONE
 * condition is {@code attribute_exists(<pk>)} AND the caller's condition AND the owner/group check AND, with a version
 * field, {@code version = :expected}; validators, refreshed updatedAt, recomputed composite attributes, version + 1
 * → response filter.
 */
final class UpdateGenerator {
    private UpdateGenerator() {}

    static final String AUTH_REQUEST = """
            const input = ctx.args.input ?? {};
            const decision = authorize(ctx, RULES);
            if (!decision.allowed) {
              util.unauthorized();
            }
            const fieldChecks = [];
            if (!decision.isStatic) {
              for (const field of OWNER_FIELDS) {
                if (input[field] !== undefined) {
                  const transfer = [];
                  for (const check of decision.checks) {
                    if (check.kind === 'owner' && check.field === field && check.allowOwnerTransfer) {
                      transfer.push(check);
                    }
                  }
                  if (transfer.length === 0) {
                    util.unauthorized();
                  }
                  fieldChecks.push(transfer);
                }
              }
            }
            for (const field of Object.keys(FIELD_RULES)) {
              if (input[field] !== undefined) {
                const fieldDecision = authorize(ctx, FIELD_RULES[field]);
                if (!fieldDecision.allowed) {
                  util.unauthorized();
                }
                if (!fieldDecision.isStatic) {
                  fieldChecks.push(fieldDecision.checks);
                }
              }
            }
            ctx.stash.auth = decision;
            ctx.stash.fieldChecks = fieldChecks;
            return { payload: null };
            """;

    static final String DATA_REQUEST = """
            const input = ctx.args.input ?? {};
            const decision = ctx.stash.auth;
            validate(input, MODEL.validators);
            const key = keyOf(input, MODEL.key);
            const keyFields = [MODEL.key.partitionKey].concat(MODEL.key.sortFields);
            const values = Object.assign({}, input);
            for (const composite of MODEL.composites) {
              let present = 0;
              for (const field of composite.fields) {
                if (values[field] !== undefined) {
                  present += 1;
                }
              }
              const value = compositeOf(values, composite.fields);
              if (value.complete) {
                values[composite.attribute] = value.value;
              } else if (present > 0) {
                util.error('Update ' + composite.fields.join(', ') + ' together: they make up one key', 'ValidationError');
              }
            }
            for (const field of MODEL.timestamps) {
              if (field === 'updatedAt') {
                values[field] = util.time.nowISO8601();
              }
            }
            const names = {};
            const expressionValues = {};
            const sets = [];
            const removes = [];
            let i = 0;
            for (const field of Object.keys(values)) {
              if (!keyFields.includes(field) && !Object.hasOwn(key, field) && field !== MODEL.versionField) {
                const name = '#a4j_u' + i;
                names[name] = field;
                if (values[field] === null) {
                  removes.push(name);
                } else {
                  expressionValues[':a4j_u' + i] = util.dynamodb.toDynamoDB(values[field]);
                  sets.push(name + ' = :a4j_u' + i);
                }
                i += 1;
              }
            }
            const conditions = [
              { expression: 'attribute_exists(#a4j_key)', expressionNames: { '#a4j_key': MODEL.key.partitionAttribute } },
              conditionExpression(ctx.args.condition),
            ];
            if (!decision.isStatic) {
              conditions.push(checksExpression(decision.checks, 'a4j_auth'));
            }
            let n = 0;
            for (const checks of ctx.stash.fieldChecks ?? []) {
              conditions.push(checksExpression(checks, 'a4j_field' + n + '_'));
              n += 1;
            }
            if (MODEL.versionField) {
              const expected = input[MODEL.versionField];
              if (expected === undefined || expected === null) {
                util.error(MODEL.versionField + ' is required: give the version you read', 'ValidationError');
              }
              names['#a4j_version'] = MODEL.versionField;
              expressionValues[':a4j_one'] = util.dynamodb.toDynamoDB(1);
              sets.push('#a4j_version = #a4j_version + :a4j_one');
              conditions.push({
                expression: '#a4j_version = :a4j_expected',
                expressionNames: { '#a4j_version': MODEL.versionField },
                expressionValues: { ':a4j_expected': util.dynamodb.toDynamoDB(expected) },
              });
            }
            if (sets.length === 0 && removes.length === 0) {
              util.error('Nothing to update: give at least one field besides the key', 'ValidationError');
            }
            let expression = sets.length > 0 ? 'SET ' + sets.join(', ') : '';
            if (removes.length > 0) {
              expression = expression + (expression ? ' ' : '') + 'REMOVE ' + removes.join(', ');
            }
            const update = { expression: expression };
            if (Object.keys(names).length > 0) {
              update.expressionNames = names;
            }
            if (Object.keys(expressionValues).length > 0) {
              update.expressionValues = expressionValues;
            }
            return {
              operation: 'UpdateItem',
              key: util.dynamodb.toMapValues(key),
              update: update,
              condition: andExpressions(conditions),
            };
            """;

    static ResolverPlan generate(ResolverContext context, ModelPlan model, String fieldName) {
        String type = "Mutation";
        List<PipelineFunctionPlan> functions = new ArrayList<>();
        JsModule auth = new JsModule(Modules.AUTH_TITLE)
                .constant("RULES", context.operationRules(model, ModelOperationKind.UPDATE))
                .constant("FIELD_RULES", context.fieldRules(model, ModelOperation.UPDATE))
                .constant("OWNER_FIELDS", ResolverContext.ownerFields(model))
                .snippet(JsSnippets.CALLER);
        String guard = Modules.guard(auth, context, model, "[ctx.args.condition]");
        String request = guard.isEmpty() ? AUTH_REQUEST : guard + AUTH_REQUEST.replace(
                "ctx.stash.fieldChecks = fieldChecks;", "ctx.stash.fieldChecks = fieldChecks.concat(ctx.stash.guardChecks);");
        functions.add(Modules.authWith(type, fieldName, auth.request(request)
                .response(Modules.AUTH_RESPONSE)));
        Map<String, Object> facts = new TreeMap<>();
        facts.put("key", context.primaryKey(model));
        facts.put("composites", context.composites(model));
        facts.put("timestamps", context.timestamps(model));
        facts.put("validators", context.validators(model));
        facts.put("versionField", model.definition().versionField().orElse(null));
        functions.add(Modules.data(context, type, fieldName, ResolverNames.tableDataSource(model.name()),
                new JsModule(type + "." + fieldName + " data")
                        .constant("MODEL", facts)
                        .snippet(JsSnippets.CHECKS_EXPRESSION).snippet(JsSnippets.AND_EXPRESSIONS)
                        .snippet(JsSnippets.CONDITION_EXPRESSION)
                        .snippet(JsSnippets.COMPOSITE)
                        .snippet(JsSnippets.KEY)
                        .snippet(JsSnippets.VALIDATE)
                        .request(DATA_REQUEST)
                        .response(Modules.ERROR_CHECK + "return ctx.result;"), "UpdateItem"));
        Modules.filter(context, model, type, fieldName, false).ifPresent(functions::add);
        return new ResolverPlan(type, fieldName, Modules.resolver(type, fieldName), functions);
    }
}
