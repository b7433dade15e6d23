package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.validate.Problems;
import java.util.List;
import java.util.Objects;

/**
 * A rule admitting the owner (or owners) named in a field of the item. Owner fields are immutable: an owner
 * cannot hand an item to someone else unless the rule says {@link #allowOwnerTransfer()}.
 *
 * @param <O> the operations this rule can be limited to
 */
public final class OwnerRule<O extends Enum<O>> extends Rule<O> {
    private final String field;
    private final boolean multiple;
    private String identityClaim = AuthRule.Owner.DEFAULT_IDENTITY_CLAIM;
    private TokenProvider provider = TokenProvider.USER_POOLS;
    private boolean allowOwnerTransfer;

    OwnerRule(String field, boolean multiple) {
        this.field = field;
        this.multiple = multiple;
    }

    /** The token claim that identifies the caller; {@code sub::username} by default. */
    public OwnerRule<O> identityClaim(String claim) {
        this.identityClaim = Objects.requireNonNull(claim, "claim");
        return this;
    }

    /** Reads the caller's identity from OIDC tokens instead of the user pool's. */
    public OwnerRule<O> provider(TokenProvider tokenProvider) {
        this.provider = Objects.requireNonNull(tokenProvider, "tokenProvider");
        return this;
    }

    /** Lets an owner change the owner field, handing the item to another user (Amplify's default; not ours). */
    public OwnerRule<O> allowOwnerTransfer() {
        this.allowOwnerTransfer = true;
        return this;
    }

    @Override
    @SafeVarargs
    @SuppressWarnings("varargs")
    public final OwnerRule<O> to(O... ops) {
        super.to(ops);
        return this;
    }

    @Override
    AuthRule toModel(List<ModelOperation> ops, String place, Problems problems) {
        return new AuthRule.Owner(field, multiple, identityClaim, provider.toModel(), allowOwnerTransfer, ops);
    }
}
