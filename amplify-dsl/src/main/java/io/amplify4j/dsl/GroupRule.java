package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.validate.Problems;
import java.util.List;
import java.util.Objects;

/**
 * A rule admitting members of groups: named groups (static), or the group or groups named in a field of the item
 * (dynamic).
 *
 * @param <O> the operations this rule can be limited to
 */
public final class GroupRule<O extends Enum<O>> extends Rule<O> {
    private final List<String> groups;
    private final String field;
    private final boolean multiple;
    private String groupClaim = AuthRule.Groups.DEFAULT_GROUP_CLAIM;
    private TokenProvider provider = TokenProvider.USER_POOLS;

    private GroupRule(List<String> groups, String field, boolean multiple) {
        this.groups = groups;
        this.field = field;
        this.multiple = multiple;
    }

    static <O extends Enum<O>> GroupRule<O> of(List<String> groups) {
        return new GroupRule<>(List.copyOf(groups), null, false);
    }

    static <O extends Enum<O>> GroupRule<O> definedIn(String field, boolean multiple) {
        return new GroupRule<>(List.of(), field, multiple);
    }

    /** The token claim listing the caller's groups; {@code cognito:groups} by default. */
    public GroupRule<O> withClaimIn(String claim) {
        this.groupClaim = Objects.requireNonNull(claim, "claim");
        return this;
    }

    /** Reads the caller's groups from OIDC tokens instead of the user pool's. */
    public GroupRule<O> provider(TokenProvider tokenProvider) {
        this.provider = Objects.requireNonNull(tokenProvider, "tokenProvider");
        return this;
    }

    @Override
    @SafeVarargs
    @SuppressWarnings("varargs")
    public final GroupRule<O> to(O... ops) {
        super.to(ops);
        return this;
    }

    @Override
    AuthRule toModel(List<ModelOperation> ops, String place, Problems problems) {
        if (field != null) {
            return new AuthRule.GroupsDefinedIn(field, multiple, groupClaim, provider.toModel(), ops);
        }
        return new AuthRule.Groups(groups, groupClaim, provider.toModel(), ops);
    }
}
