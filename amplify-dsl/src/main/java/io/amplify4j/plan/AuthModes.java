package io.amplify4j.plan;

import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The AppSync authorization modes admitted on a type, field or operation, rendered as AppSync's native directives.
 *
 * <p>Every object type and root field gets explicit directives (never none, except a root field no rule grants):
 * AppSync admits only the default mode on an element without directives, so depending on the default would make
 * the schema's meaning change with a configuration setting.
 *
 * @param providers the admitted providers, in {@link AuthProvider} order
 * @param cognitoGroups when every user-pool rule is a static group rule, the union of their groups (sorted): AppSync
 *     then rejects other user-pool callers itself ({@code @aws_cognito_user_pools(cognito_groups: [...])});
 *     empty when any user pool user may reach the resolver
 */
public record AuthModes(List<AuthProvider> providers, List<String> cognitoGroups) {

    public static final AuthModes NONE = new AuthModes(List.of(), List.of());

    public AuthModes {
        providers = providers.stream().distinct().sorted().toList();
        cognitoGroups = cognitoGroups.stream().distinct().sorted().toList();
        Objects.requireNonNull(providers);
    }

    /** The modes the rules admit. */
    public static AuthModes of(Collection<AuthRule> rules) {
        EnumSet<AuthProvider> providers = EnumSet.noneOf(AuthProvider.class);
        List<AuthRule> userPoolRules = new ArrayList<>();
        for (AuthRule rule : rules) {
            providers.add(rule.provider());
            if (rule.provider() == AuthProvider.USER_POOLS) {
                userPoolRules.add(rule);
            }
        }
        boolean groupOnly = !userPoolRules.isEmpty() && userPoolRules.stream().allMatch(r -> r instanceof AuthRule.Groups);
        List<String> groups = groupOnly
                ? userPoolRules.stream().flatMap(r -> ((AuthRule.Groups) r).groups().stream()).toList()
                : List.of();
        return new AuthModes(List.copyOf(providers), groups);
    }

    public boolean isEmpty() {
        return providers.isEmpty();
    }

    /** These modes plus one provider admitted without group restriction (IAM for granted functions). */
    public AuthModes plus(AuthProvider provider) {
        if (provider == AuthProvider.USER_POOLS) {
            return union(new AuthModes(List.of(provider), List.of()));
        }
        List<AuthProvider> all = new ArrayList<>(providers);
        all.add(provider);
        return new AuthModes(all, cognitoGroups);
    }

    /** Modes admitted by either; a group restriction survives only if both sides restrict user pools to groups. */
    public AuthModes union(AuthModes other) {
        List<AuthProvider> all = new ArrayList<>(providers);
        all.addAll(other.providers);
        boolean mine = providers.contains(AuthProvider.USER_POOLS);
        boolean theirs = other.providers.contains(AuthProvider.USER_POOLS);
        List<String> groups;
        if (mine && theirs) {
            if (cognitoGroups.isEmpty() || other.cognitoGroups.isEmpty()) {
                groups = List.of();
            } else {
                TreeSet<String> union = new TreeSet<>(cognitoGroups);
                union.addAll(other.cognitoGroups);
                groups = List.copyOf(union);
            }
        } else {
            groups = mine ? cognitoGroups : other.cognitoGroups;
        }
        return new AuthModes(all, groups);
    }

    /** The directives, each preceded by a space: {@code " @aws_api_key @aws_cognito_user_pools"}. */
    public String directives() {
        StringBuilder out = new StringBuilder();
        for (AuthProvider provider : providers) {
            out.append(' ').append(directive(provider));
        }
        return out.toString();
    }

    private String directive(AuthProvider provider) {
        return switch (provider) {
            case API_KEY -> "@aws_api_key";
            case IDENTITY_POOL -> "@aws_iam";
            case USER_POOLS -> cognitoGroups.isEmpty()
                    ? "@aws_cognito_user_pools"
                    : "@aws_cognito_user_pools(cognito_groups: "
                            + cognitoGroups.stream().map(Sdl::string).collect(Collectors.joining(", ", "[", "]"))
                            + ")";
            case OIDC -> "@aws_oidc";
            case FUNCTION -> "@aws_lambda";
        };
    }
}
