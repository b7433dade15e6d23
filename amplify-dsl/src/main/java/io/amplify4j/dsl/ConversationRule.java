package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import java.util.List;
import java.util.Objects;

/** A rule on a conversation route: the owner of each conversation, a user of the user pool. */
public final class ConversationRule {
    private String identityClaim = AuthRule.Owner.DEFAULT_IDENTITY_CLAIM;

    ConversationRule() {}

    /** The token claim that identifies the owner; {@code sub::username} by default. */
    public ConversationRule identityClaim(String claim) {
        this.identityClaim = Objects.requireNonNull(claim, "claim");
        return this;
    }

    AuthRule toModel() {
        return new AuthRule.Owner(AuthRule.Owner.DEFAULT_FIELD, false, identityClaim, AuthProvider.USER_POOLS, false,
                List.of());
    }
}
