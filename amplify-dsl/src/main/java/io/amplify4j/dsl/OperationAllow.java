package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthRule;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The rules a custom operation can have. Owner rules and group-field rules do not exist here: an operation has
 * no item whose fields could name its owner.
 */
public final class OperationAllow {
    OperationAllow() {}

    /** Anyone holding a valid API key. */
    public OperationRule publicApiKey() {
        return new OperationRule(() -> new AuthRule.PublicApiKey(List.of()));
    }

    /** Guest identities of the identity pool (not available to custom JS handlers). */
    public OperationRule guest() {
        return new OperationRule(() -> new AuthRule.Guest(List.of()));
    }

    /** Any caller signed in to the user pool. */
    public OperationRule authenticated() {
        return authenticated(AuthenticatedProvider.USER_POOLS);
    }

    /** Any caller signed in through {@code provider}. */
    public OperationRule authenticated(AuthenticatedProvider provider) {
        Objects.requireNonNull(provider, "provider");
        return new OperationRule(() -> new AuthRule.Authenticated(provider.toModel(), List.of()));
    }

    /** Members of a user pool group. */
    public OperationRule group(AuthGroup group) {
        return groups(group);
    }

    /** Members of any of these user pool groups. */
    public OperationRule groups(AuthGroup... groups) {
        List<String> names = Arrays.stream(groups).map(AuthGroup::name).toList();
        return groupsNamed(names, TokenProvider.USER_POOLS);
    }

    /** Members of any of these groups of {@code provider}, known by name. */
    public OperationRule groups(TokenProvider provider, String... groupNames) {
        return groupsNamed(List.of(groupNames), provider);
    }

    private OperationRule groupsNamed(List<String> names, TokenProvider provider) {
        return new OperationRule(() -> new AuthRule.Groups(
                names, AuthRule.Groups.DEFAULT_GROUP_CLAIM, provider.toModel(), List.of()));
    }

    /** Callers the Lambda authorizer admits. */
    public OperationRule custom() {
        return new OperationRule(() -> new AuthRule.Custom(List.of()));
    }
}
