package io.amplify4j.plan.resolver;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.FunctionDataAccess;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Authorization rules as the data the generated modules evaluate (see {@link JsSnippets}). */
final class RuleJson {
    private RuleJson() {}

    static Map<String, Object> of(AuthRule rule) {
        Map<String, Object> json = new TreeMap<>();
        if (rule instanceof AuthRule.PublicApiKey) {
            json.put("kind", "apiKey");
        } else if (rule instanceof AuthRule.Guest) {
            json.put("kind", "guest");
        } else if (rule instanceof AuthRule.Authenticated r) {
            json.put("kind", "authenticated");
            json.put("provider", r.provider().amplifyName());
        } else if (rule instanceof AuthRule.Custom) {
            json.put("kind", "custom");
        } else if (rule instanceof AuthRule.Groups r) {
            json.put("kind", "groups");
            json.put("provider", r.provider().amplifyName());
            json.put("groups", r.groups());
            json.put("groupClaim", r.groupClaim());
        } else if (rule instanceof AuthRule.Owner r) {
            json.put("kind", "owner");
            json.put("provider", r.provider().amplifyName());
            json.put("field", r.field());
            json.put("multiple", r.multiple());
            json.put("identityClaim", r.identityClaim());
            json.put("allowOwnerTransfer", r.allowOwnerTransfer());
        } else if (rule instanceof AuthRule.GroupsDefinedIn r) {
            json.put("kind", "groupsDefinedIn");
            json.put("provider", r.provider().amplifyName());
            json.put("field", r.field());
            json.put("multiple", r.multiple());
            json.put("groupClaim", r.groupClaim());
        }
        return json;
    }

    static Map<String, Object> resource(FunctionDataAccess access) {
        Map<String, Object> json = new TreeMap<>();
        json.put("kind", "resource");
        json.put("function", access.function());
        json.put("env", ResolverNames.functionRoleArnEnv(access.function()));
        return json;
    }

    static List<Map<String, Object>> of(List<AuthRule> rules) {
        return rules.stream().map(RuleJson::of).toList();
    }
}
