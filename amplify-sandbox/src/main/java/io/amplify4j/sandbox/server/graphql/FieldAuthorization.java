package io.amplify4j.sandbox.server.graphql;

import graphql.language.ArrayValue;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.StringValue;
import io.amplify4j.sandbox.js.AuthMode;
import io.amplify4j.sandbox.runtime.Caller;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which authorization modes AppSync admits on one field, from the {@code @aws_*} directives: the field's own when
 * it has any, else its type's, else only the API's default mode. {@code @aws_cognito_user_pools(cognito_groups:)}
 * (and the older {@code @aws_auth}) admit only user pool callers in one of the groups.
 *
 * @param modes the admitted modes
 * @param cognitoGroups when non-empty, the groups a user pool caller must belong to (one of them)
 */
public record FieldAuthorization(Set<AuthMode> modes, List<String> cognitoGroups) {
    public FieldAuthorization {
        modes = Set.copyOf(modes);
        cognitoGroups = List.copyOf(cognitoGroups);
    }

    /** The rule for a field with these directives on a type with those, under {@code defaultMode}. */
    public static FieldAuthorization of(List<Directive> fieldDirectives, List<Directive> typeDirectives,
            AuthMode defaultMode) {
        FieldAuthorization own = fromDirectives(fieldDirectives);
        if (!own.modes.isEmpty()) {
            return own;
        }
        FieldAuthorization inherited = fromDirectives(typeDirectives);
        if (!inherited.modes.isEmpty()) {
            return inherited;
        }
        return new FieldAuthorization(EnumSet.of(defaultMode), List.of());
    }

    private static FieldAuthorization fromDirectives(List<Directive> directives) {
        EnumSet<AuthMode> modes = EnumSet.noneOf(AuthMode.class);
        List<String> groups = new ArrayList<>();
        boolean anyUserPoolWithoutGroups = false;
        for (Directive directive : directives) {
            switch (directive.getName()) {
                case "aws_api_key" -> modes.add(AuthMode.API_KEY);
                case "aws_iam" -> modes.add(AuthMode.IAM);
                case "aws_oidc" -> modes.add(AuthMode.OIDC);
                case "aws_lambda" -> modes.add(AuthMode.LAMBDA);
                case "aws_cognito_user_pools", "aws_auth" -> {
                    modes.add(AuthMode.USER_POOL);
                    List<String> named = groupsOf(directive);
                    if (named.isEmpty()) {
                        anyUserPoolWithoutGroups = true;
                    }
                    groups.addAll(named);
                }
                default -> { }
            }
        }
        return new FieldAuthorization(modes, anyUserPoolWithoutGroups ? List.of() : groups);
    }

    private static List<String> groupsOf(Directive directive) {
        Argument argument = directive.getArgument("cognito_groups");
        List<String> groups = new ArrayList<>();
        if (argument != null && argument.getValue() instanceof ArrayValue array) {
            array.getValues().forEach(v -> {
                if (v instanceof StringValue s) {
                    groups.add(s.getValue());
                }
            });
        } else if (argument != null && argument.getValue() instanceof StringValue single) {
            groups.add(single.getValue());
        }
        return groups;
    }

    /** True when the caller's mode (and, where required, group) is admitted. */
    public boolean admits(Caller caller) {
        if (!modes.contains(caller.authMode())) {
            return false;
        }
        if (caller.authMode() != AuthMode.USER_POOL || cognitoGroups.isEmpty()) {
            return true;
        }
        Object claims = caller.identity().map(identity -> identity.get("claims")).orElse(null);
        Object groups = claims instanceof Map<?, ?> map ? map.get("cognito:groups") : null;
        if (groups instanceof List<?> list) {
            return list.stream().anyMatch(cognitoGroups::contains);
        }
        return groups instanceof String single && cognitoGroups.contains(single);
    }
}
