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

    /** The resolver's response; {@code %s} takes the guard checks' filters when the model has field read rules. */
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
              parts.push(checksFilter(decision.checks));
            }
            %sif (parts.length > 0) {
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
        String guardFilters = Modules.guarded(context, model) ? """
                for (const checks of ctx.stash.guardChecks ?? []) {
                  parts.push(checksFilter(checks));
                }
                """ : "";
        module.snippet(JsSnippets.CHECKS_FILTER).response(RESPONSE.formatted(guardFilters));
        String resolver = module.render();
        return new ResolverPlan(type, fieldName, resolver,
                List.of(Modules.auth(type, fieldName, context.operationRules(model, kind), context, model,
                        "[ctx.args.filter, ctx.args]")));
    }
}
