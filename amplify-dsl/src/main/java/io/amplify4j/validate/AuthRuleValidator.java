package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;
import static io.amplify4j.validate.NameRules.qList;

import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.ModelOperation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks authorization rules on their own and against the configured authorization modes (catalogue #2–#5,
 * #9, #11, #29). Which fields the rules rely on is checked with the model ({@link ModelValidator}), because it
 * needs the model's fields.
 */
final class AuthRuleValidator {
    private AuthRuleValidator() {}

    /** Where a rule is attached; each place allows different rules and operations. */
    enum Scope {
        SCHEMA,
        MODEL,
        FIELD,
        OPERATION
    }

    private static final Set<ModelOperation> FIELD_OPERATIONS =
            EnumSet.of(ModelOperation.CREATE, ModelOperation.UPDATE, ModelOperation.DELETE, ModelOperation.READ);

    /**
     * Checks every rule in {@code rules}.
     *
     * @param basePlace the place of the rule holder; rules are reported at {@code basePlace.rules[i]}
     * @param subject how messages name the holder, e.g. "model `Todo`"
     * @param customJs true when the holder is a custom operation run by custom JS handlers
     */
    static void checkAll(Context ctx, DataDefinition data, String basePlace, String subject, List<AuthRule> rules,
            Scope scope, boolean customJs) {
        for (int i = 0; i < rules.size(); i++) {
            check(ctx, data, basePlace + ".rules[" + i + "]", subject, rules.get(i), scope, customJs);
        }
    }

    /** The rule's name as the DSL spells it, for messages. */
    static String ruleName(AuthRule rule) {
        if (rule instanceof AuthRule.PublicApiKey) {
            return "publicApiKey";
        } else if (rule instanceof AuthRule.Guest) {
            return "guest";
        } else if (rule instanceof AuthRule.Authenticated) {
            return "authenticated";
        } else if (rule instanceof AuthRule.Owner o) {
            return o.multiple() ? "ownersDefinedIn"
                    : o.field().equals(AuthRule.Owner.DEFAULT_FIELD) ? "owner" : "ownerDefinedIn";
        } else if (rule instanceof AuthRule.Groups) {
            return "groups";
        } else if (rule instanceof AuthRule.GroupsDefinedIn g) {
            return g.multiple() ? "groupsDefinedIn" : "groupDefinedIn";
        }
        return "custom";
    }

    private static void check(Context ctx, DataDefinition data, String place, String subject, AuthRule rule,
            Scope scope, boolean customJs) {
        String head = "Rule " + q(ruleName(rule)) + " on " + subject;
        if (checkProviderKind(ctx, place, head, rule)) {
            checkProviderMode(ctx, data, place, head, rule);
        }
        if (rule instanceof AuthRule.Groups g) {
            checkGroups(ctx, place, head, g);
        } else if (rule instanceof AuthRule.Owner o) {
            if (o.identityClaim().isBlank()) {
                ctx.addf(place, "%s has an empty identityClaim. Name a token claim, or leave it at the default %s.",
                        head, q(AuthRule.Owner.DEFAULT_IDENTITY_CLAIM));
            }
            NameRules.checkGraphqlName(ctx, place, "Owner field", o.field());
        } else if (rule instanceof AuthRule.GroupsDefinedIn g) {
            checkGroupClaim(ctx, place, head, g.groupClaim());
            NameRules.checkGraphqlName(ctx, place, "Group field", g.field());
        }
        checkOperations(ctx, place, head, rule, scope);
        if (scope == Scope.OPERATION) {
            checkOperationRule(ctx, place, head, rule, customJs);
        }
    }

    /** Returns false when the provider cannot be used with this kind of rule at all. */
    private static boolean checkProviderKind(Context ctx, String place, String head, AuthRule rule) {
        AuthProvider p = rule.provider();
        if (rule instanceof AuthRule.Owner) {
            if (p != AuthProvider.USER_POOLS && p != AuthProvider.OIDC) {
                ctx.addf(place, "%s uses the %s provider, but owner rules support only userPools and oidc. "
                        + "Use the userPools or oidc provider.", head, q(p.amplifyName()));
                return false;
            }
        } else if (rule instanceof AuthRule.Groups || rule instanceof AuthRule.GroupsDefinedIn) {
            if (p != AuthProvider.USER_POOLS && p != AuthProvider.OIDC) {
                ctx.addf(place, "%s uses the %s provider, but group rules support only userPools and oidc. "
                        + "Use the userPools or oidc provider.", head, q(p.amplifyName()));
                return false;
            }
        } else if (rule instanceof AuthRule.Authenticated) {
            if (p != AuthProvider.USER_POOLS && p != AuthProvider.IDENTITY_POOL && p != AuthProvider.OIDC) {
                ctx.addf(place, "%s uses the %s provider, but authenticated rules support only userPools, "
                        + "identityPool and oidc. Use one of those providers.", head, q(p.amplifyName()));
                return false;
            }
        }
        return true;
    }

    /** A rule admits callers only through an authorization mode the API actually has. */
    private static void checkProviderMode(Context ctx, DataDefinition data, String place, String head, AuthRule rule) {
        switch (rule.provider()) {
            case API_KEY -> {
                if (!Context.apiKeyEnabled(ctx.backend, data)) {
                    ctx.addf(place, "%s needs an API key, but no API key authorization mode is configured. "
                            + "Add an apiKey authorization mode to data or remove the rule.", head);
                }
            }
            case IDENTITY_POOL -> {
                if (!ctx.hasAuth()) {
                    String pool = rule instanceof AuthRule.Guest
                            ? "an identity pool with unauthenticated identities" : "an identity pool";
                    ctx.addf(place, "%s requires %s, but the backend defines no auth. Define auth, which creates "
                            + "the identity pool, or remove the rule.", head, pool);
                }
            }
            case USER_POOLS -> {
                if (!ctx.hasAuth()) {
                    ctx.addf(place, "%s uses the userPools provider, but the backend defines no auth. Define auth, "
                            + "which creates the user pool, or use another provider.", head);
                }
            }
            case OIDC -> {
                if (data.authorizationModes().oidc().isEmpty()) {
                    ctx.addf(place, "%s uses the oidc provider, but no OIDC authorization mode is configured. "
                            + "Add an oidc authorization mode to data or use another provider.", head);
                }
            }
            case FUNCTION -> {
                if (data.authorizationModes().lambdaAuthorizer().isEmpty()) {
                    ctx.addf(place, "%s requires a Lambda authorization mode, but none is configured. "
                            + "Add a lambdaAuthorizer authorization mode to data or remove the rule.", head);
                }
            }
        }
    }

    private static void checkGroups(Context ctx, String place, String head, AuthRule.Groups rule) {
        checkGroupClaim(ctx, place, head, rule.groupClaim());
        if (rule.groups().isEmpty()) {
            ctx.addf(place, "%s has an empty group list. Name at least one group.", head);
        }
        for (String group : rule.groups()) {
            if (group.isBlank()) {
                ctx.addf(place, "%s names a blank group. Remove it or name a group.", head);
            } else if (rule.provider() == AuthProvider.USER_POOLS && ctx.hasAuth() && !ctx.hasGroup(group)) {
                // OIDC groups come from a foreign token, so only user pool groups can be checked here.
                ctx.addf(place, "Group %s in %s is not defined in auth.groups. Declare it in auth or fix the name "
                        + "(declared: %s).", q(group), "rule" + head.substring("Rule".length()), qList(ctx.groupNames()));
            }
        }
    }

    private static void checkGroupClaim(Context ctx, String place, String head, String claim) {
        if (claim.isBlank()) {
            ctx.addf(place, "%s has an empty groupClaim. Name a token claim, or leave it at the default %s.",
                    head, q(AuthRule.Groups.DEFAULT_GROUP_CLAIM));
        }
    }

    private static void checkOperations(Context ctx, String place, String head, AuthRule rule, Scope scope) {
        List<ModelOperation> ops = rule.operations();
        List<String> granular = ops.stream().filter(ModelOperation::isGranularRead).map(ModelOperation::amplifyName)
                .toList();
        if (ops.contains(ModelOperation.READ) && !granular.isEmpty()) {
            ctx.addf(place, "%s grants `read` together with %s. `read` already covers them: keep either `read` or "
                    + "the granular operations.", head, String.join(", ", granular.stream().map(NameRules::q).toList()));
        }
        if (scope == Scope.FIELD) {
            for (ModelOperation op : ops) {
                if (!FIELD_OPERATIONS.contains(op)) {
                    ctx.addf(place, "%s grants %s, which is not allowed at the field level. Use create, update, "
                            + "delete or read.", head, q(op.amplifyName()));
                }
            }
        }
    }

    private static void checkOperationRule(Context ctx, String place, String head, AuthRule rule, boolean customJs) {
        if (rule instanceof AuthRule.Owner || rule instanceof AuthRule.GroupsDefinedIn) {
            ctx.addf(place, "%s is not allowed: a custom operation has no item to hold an owner or group field. "
                    + "Use publicApiKey, guest, authenticated, groups or custom.", head);
        }
        if (!rule.operations().isEmpty()) {
            ctx.addf(place, "%s is limited to operations %s, but rules on custom operations cannot use to(...). "
                    + "Remove the operation list.", head,
                    qList(rule.operations().stream().map(ModelOperation::amplifyName).toList()));
        }
        if (customJs && rule.provider() == AuthProvider.IDENTITY_POOL) {
            ctx.addf(place, "%s uses the identity pool, which custom JS handlers do not support. Use a function "
                    + "handler or another rule.", head);
        }
        if (customJs && rule instanceof AuthRule.Groups && rule.provider() == AuthProvider.OIDC) {
            ctx.addf(place, "%s uses oidc groups, which custom JS handlers do not support. Use userPools groups or "
                    + "a function handler.", head);
        }
    }
}
