package io.amplify4j.plan.resolver;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.model.data.RelationshipDefinition.Kind;
import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.RelationshipPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Relationship fields, under the TARGET model's read rules: hasMany (Query on the related table's
 * {@code gsi-<Parent>.<field>} with the auth filter, filter, limit, nextToken, sortDirection), hasOne (the same Query,
 * limit 1) and belongsTo (GetItem by the related key). A caller who may not read the related item gets null for the
 * field and an Unauthorized error; the parent is returned.
 *
 * <p>No function early-returns null (AppSync fails {@code runtime.earlyReturn(null)}): a null field is early-returned
 * as {@link Modules#NULL_RESULT}, which the field's resolver turns back into null.
 */
final class RelationshipGenerator {
    private RelationshipGenerator() {}

    static final String DENY = """
            if (!allowed) {
              util.appendError('Not Authorized to access ' + FIELD + ' on type ' + TYPE, 'Unauthorized');
              runtime.earlyReturn(NULL_RESULT, { skipTo: 'END' });
            }
            ctx.stash.auth = decision;
            return { payload: null };
            """;

    static final String QUERY_REQUEST = """
            const source = ctx.source ?? {};
            const args = ctx.args ?? {};
            const decision = ctx.stash.auth;
            const partition = source[RELATION.sourceFields[0]];
            const sort = compositeOf(source, RELATION.sourceFields.slice(1));
            if (partition === undefined || partition === null || !sort.complete) {
              runtime.earlyReturn(EMPTY);
            }
            const names = { '#a4j_pk': RELATION.partitionAttribute };
            const values = { ':a4j_pk': util.dynamodb.toDynamoDB(partition) };
            let expression = '#a4j_pk = :a4j_pk';
            if (RELATION.sortAttribute) {
              names['#a4j_sk'] = RELATION.sortAttribute;
              const sortValue = RELATION.sourceFields.length > 2 ? sort.value : source[RELATION.sourceFields[1]];
              values[':a4j_sk'] = util.dynamodb.toDynamoDB(sortValue);
              expression = expression + ' AND #a4j_sk = :a4j_sk';
            }
            const request = {
              operation: 'Query',
              index: RELATION.index,
              query: { expression: expression, expressionNames: names, expressionValues: values },
              scanIndexForward: args.sortDirection !== 'DESC',
            };
            """;

    static ResolverPlan generate(ResolverContext context, ModelPlan parent, RelationshipPlan relationship) {
        ModelPlan target = context.model(relationship.relatedModel());
        String type = parent.name();
        String fieldName = relationship.field();
        boolean many = relationship.kind() == Kind.HAS_MANY;
        ModelOperationKind readKind = many ? ModelOperationKind.LIST : ModelOperationKind.GET;
        List<PipelineFunctionPlan> functions = new ArrayList<>();

        List<Map<String, Object>> fieldRules = new ArrayList<>();
        List<AuthRule> declared = parent.relationship(fieldName).isPresent()
                ? parent.field(fieldName).map(f -> f.rules()).orElse(List.of())
                : List.of();
        for (AuthRule rule : declared) {
            if (rule.effectiveOperations().contains(ModelOperation.READ)) {
                fieldRules.add(RuleJson.of(rule));
            }
        }
        JsModule auth = new JsModule(Modules.AUTH_TITLE)
                .constant("TYPE", type)
                .constant("FIELD", fieldName)
                .constant("RULES", context.nestedReadRules(target, readKind))
                .constant(Modules.NULL_RESULT_NAME, Modules.NULL_RESULT);
        if (!declared.isEmpty()) {
            fieldRules.addAll(context.resourceRules(java.util.Optional.empty()));
            auth.constant("FIELD_RULES", fieldRules);
        }
        auth.snippet(JsSnippets.CALLER);
        StringBuilder authRequest = new StringBuilder(many ? Modules.guard(auth, context, target, "[ctx.args.filter]") : "");
        authRequest.append("const decision = authorize(ctx, RULES);\n");
        if (declared.isEmpty()) {
            authRequest.append("const allowed = decision.allowed;\n");
        } else {
            auth.snippet(JsSnippets.ITEM);
            authRequest.append("const allowed = decision.allowed && itemAllowed(authorize(ctx, FIELD_RULES), ctx.source);\n");
        }
        authRequest.append(DENY);
        functions.add(Modules.authWith(type, fieldName, auth.request(authRequest.toString())
                .response(Modules.AUTH_RESPONSE)));

        JsModule data = new JsModule(type + "." + fieldName + " data");
        Map<String, Object> relation = new TreeMap<>();
        if (relationship.kind() == Kind.BELONGS_TO) {
            relation.put("keyFields", relationship.relatedKeyFields());
            relation.put("sourceFields", relationship.references());
            data.constant("TYPE", type).constant("FIELD", fieldName)
                    .constant("RELATION", relation)
                    .constant("KEY", context.primaryKey(target))
                    .constant(Modules.NULL_RESULT_NAME, Modules.NULL_RESULT)
                    .snippet(JsSnippets.ITEM).snippet(JsSnippets.COMPOSITE).snippet(JsSnippets.KEY)
                    .request("""
                            const source = ctx.source ?? {};
                            const values = {};
                            let i = 0;
                            for (const field of RELATION.keyFields) {
                              const value = source[RELATION.sourceFields[i]];
                              if (value === undefined || value === null) {
                                runtime.earlyReturn(NULL_RESULT);
                              }
                              values[field] = value;
                              i += 1;
                            }
                            return { operation: 'GetItem', key: util.dynamodb.toMapValues(keyOf(values, KEY)) };
                            """)
                    .response(Modules.ERROR_CHECK + SINGLE_RESPONSE.replace("@ITEM@", "ctx.result ?? null"));
        } else {
            List<String> references = relationship.references();
            List<String> sort = references.subList(1, references.size());
            relation.put("index", relationship.indexName().orElseThrow());
            relation.put("partitionAttribute", references.get(0));
            relation.put("sortAttribute", sort.isEmpty() ? null
                    : sort.size() == 1 ? sort.get(0) : context.names.compositeAttribute(sort));
            relation.put("sourceFields", relationship.relatedKeyFields());
            data.constant("TYPE", type).constant("FIELD", fieldName)
                    .constant("RELATION", relation)
                    .constant("EMPTY", many ? Map.of("items", List.of()) : Modules.NULL_RESULT)
                    .snippet(JsSnippets.COMPOSITE);
            if (many) {
                boolean guarded = Modules.guarded(context, target);
                if (guarded) {
                    data.snippet(JsSnippets.CHECKS_EXPRESSION).snippet(JsSnippets.GUARD_EXPRESSIONS);
                }
                data.snippet(JsSnippets.CHECKS_EXPRESSION).snippet(JsSnippets.AND_EXPRESSIONS)
                        .snippet(JsSnippets.FILTER_EXPRESSION).snippet(JsSnippets.LIMIT)
                        .request(QUERY_REQUEST + """
                                request.limit = limitOf(args.limit);
                                const filter = andExpressions([
                                  filterExpression(args.filter),
                                  decision.isStatic ? null : checksExpression(decision.checks, 'a4j_auth'),
                                """ + (guarded ? "].concat(guardExpressions(ctx.stash.guardChecks)));\n" : "]);\n")
                                + """
                                if (filter) {
                                  request.filter = filter;
                                }
                                if (args.nextToken) {
                                  request.nextToken = args.nextToken;
                                }
                                return request;
                                """)
                        .response(Modules.ERROR_CHECK
                                + "return { items: ctx.result.items ?? [], nextToken: ctx.result.nextToken ?? null };");
            } else {
                data.snippet(JsSnippets.ITEM)
                        .request(QUERY_REQUEST + """
                                request.limit = 1;
                                return request;
                                """)
                        .response(Modules.ERROR_CHECK
                                + SINGLE_RESPONSE.replace("@ITEM@", "(ctx.result.items ?? [])[0] ?? null"));
            }
        }
        functions.add(Modules.data(context, type, fieldName, ResolverNames.tableDataSource(target.name()), data,
                relationship.kind() == Kind.BELONGS_TO ? "GetItem" : "Query"));
        Modules.filter(context, target, type, fieldName, many).ifPresent(functions::add);
        return new ResolverPlan(type, fieldName, Modules.nullableResolver(type, fieldName), functions);
    }

    static final String SINGLE_RESPONSE = """
            const item = @ITEM@;
            if (item !== null && !itemAllowed(ctx.stash.auth, item)) {
              util.appendError('Not Authorized to access ' + FIELD + ' on type ' + TYPE, 'Unauthorized');
              return null;
            }
            return item;
            """;
}
