package io.amplify4j.plan.resolver;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.plan.ModelPlan;
import java.util.List;

/**
 * {@code onCreateX}/{@code onUpdateX}/{@code onDeleteX}: auth (the rules granting listen; callers none admits are
 * refused) → the resolver's response sets the subscription filter: the client's filter (and legacy owner
 * arguments) AND, for callers admitted only through owner or group-field rules, the auth filter. The client narrows,
 * never widens. A caller's groups go into {@code in} lists of at most five values, AppSync's limit.
 */
final class SubscriptionGenerator {
    private SubscriptionGenerator() {}

    static final String RESPONSE = """
            const decision = ctx.stash.auth;
            const parts = [];
            if (ctx.args.filter) {
              parts.push(ctx.args.filter);
            }
            for (const field of OWNER_ARGUMENTS) {
              const value = ctx.args[field];
              if (value !== undefined && value !== null) {
                const narrow = {};
                narrow[field] = { eq: value };
                parts.push(narrow);
              }
            }
            if (!decision.isStatic) {
              const alternatives = [];
              for (const check of decision.checks) {
                if (check.kind === 'group' && !check.multiple) {
                  let chunk = [];
                  for (const value of check.values) {
                    chunk.push(value);
                    if (chunk.length === 5) {
                      const alternative = {};
                      alternative[check.field] = { in: chunk };
                      alternatives.push(alternative);
                      chunk = [];
                    }
                  }
                  if (chunk.length > 0) {
                    const alternative = {};
                    alternative[check.field] = { in: chunk };
                    alternatives.push(alternative);
                  }
                } else {
                  for (const value of check.values) {
                    const alternative = {};
                    alternative[check.field] = check.multiple ? { contains: value } : { eq: value };
                    alternatives.push(alternative);
                  }
                }
              }
              parts.push({ or: alternatives });
            }
            if (parts.length > 0) {
              extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(parts.length === 1 ? parts[0] : { and: parts }));
            }
            return null;
            """;

    static ResolverPlan generate(ResolverContext context, ModelPlan model, ModelOperationKind kind, String fieldName) {
        String type = "Subscription";
        List<String> ownerArguments = model.rules().stream()
                .filter(r -> r instanceof AuthRule.Owner)
                .filter(ModelOperationKind.ON_CREATE::grantedBy)
                .map(r -> ((AuthRule.Owner) r).field())
                .distinct()
                .toList();
        JsModule module = new JsModule(type + "." + fieldName + " resolver")
                .constant("OWNER_ARGUMENTS", ownerArguments)
                .request("return {};");
        if (Modules.guarded(context, model)) {
            module.snippet(JsSnippets.CHECKS_FILTER).response(RESPONSE.replace("if (parts.length > 0) {", """
                    for (const checks of ctx.stash.guardChecks ?? []) {
                      parts.push(checksFilter(checks));
                    }
                    if (parts.length > 0) {"""));
        } else {
            module.response(RESPONSE);
        }
        String resolver = module.render();
        return new ResolverPlan(type, fieldName, resolver,
                List.of(Modules.auth(type, fieldName, context.operationRules(model, kind), context, model,
                        "[ctx.args.filter, ctx.args]")));
    }
}
