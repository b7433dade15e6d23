package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The rules every {@code allow} object offers. Subclasses add the rules that only make sense where they are used.
 *
 * @param <O> the operations the rules can be limited to
 */
public abstract class AllowBase<O extends Enum<O>> {
    AllowBase() {}

    /** Anyone holding a valid API key. */
    public Rule<O> publicApiKey() {
        return new Rule.Simple<>(AuthRule.PublicApiKey::new);
    }

    /** Unauthenticated (guest) identities of the identity pool. */
    public Rule<O> guest() {
        return new Rule.Simple<>(AuthRule.Guest::new);
    }

    /** Any caller signed in to the user pool. */
    public Rule<O> authenticated() {
        return authenticated(AuthenticatedProvider.USER_POOLS);
    }

    /** Any caller signed in through {@code provider}. */
    public Rule<O> authenticated(AuthenticatedProvider provider) {
        AuthProvider model = Objects.requireNonNull(provider, "provider").toModel();
        return new Rule.Simple<>(ops -> new AuthRule.Authenticated(model, ops));
    }

    /** The owner named in the item's {@code owner} field, which the plan adds when the model does not declare it. */
    public OwnerRule<O> owner() {
        return new OwnerRule<>(AuthRule.Owner.DEFAULT_FIELD, false);
    }

    /** Members of a user pool group. */
    public GroupRule<O> group(AuthGroup group) {
        return GroupRule.of(List.of(Objects.requireNonNull(group, "group").name()));
    }

    /** Members of any of these user pool groups. */
    public GroupRule<O> groups(AuthGroup... groups) {
        return GroupRule.of(Arrays.stream(groups).map(AuthGroup::name).toList());
    }

    /** Members of a group known by name only, such as a group of an OIDC provider. */
    public GroupRule<O> group(String groupName) {
        return GroupRule.of(List.of(Objects.requireNonNull(groupName, "groupName")));
    }

    /** Members of any of these groups, known by name only. */
    public GroupRule<O> groups(String... groupNames) {
        return GroupRule.of(List.of(groupNames));
    }

    /** Callers the Lambda authorizer admits. */
    public Rule<O> custom() {
        return new Rule.Simple<>(AuthRule.Custom::new);
    }
}
