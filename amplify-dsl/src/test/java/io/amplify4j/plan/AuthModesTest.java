package io.amplify4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthModesTest {
    private static AuthRule groups(String... names) {
        return new AuthRule.Groups(List.of(names), AuthRule.Groups.DEFAULT_GROUP_CLAIM, AuthProvider.USER_POOLS,
                List.of());
    }

    private static AuthRule owner() {
        return new AuthRule.Owner("owner", false, AuthRule.Owner.DEFAULT_IDENTITY_CLAIM, AuthProvider.USER_POOLS,
                false, List.of());
    }

    @Test
    void everyProviderHasItsDirectiveInAFixedOrder() {
        AuthModes modes = AuthModes.of(List.of(
                new AuthRule.Custom(List.of()),
                new AuthRule.Authenticated(AuthProvider.OIDC, List.of()),
                owner(),
                new AuthRule.Guest(List.of()),
                new AuthRule.PublicApiKey(List.of())));
        assertThat(modes.directives())
                .isEqualTo(" @aws_api_key @aws_iam @aws_cognito_user_pools @aws_oidc @aws_lambda");
    }

    @Test
    void userPoolsRestrictedToGroupsWhenEveryUserPoolRuleIsAStaticGroupRule() {
        assertThat(AuthModes.of(List.of(groups("Staff"), groups("Admin", "Staff"))).directives())
                .isEqualTo(" @aws_cognito_user_pools(cognito_groups: [\"Admin\", \"Staff\"])");
        assertThat(AuthModes.of(List.of(groups("Admin"), owner())).directives())
                .isEqualTo(" @aws_cognito_user_pools");
        // An OIDC group rule does not restrict user pool callers.
        AuthRule oidcGroup = new AuthRule.Groups(List.of("x"), "groups", AuthProvider.OIDC, List.of());
        assertThat(AuthModes.of(List.of(oidcGroup)).directives()).isEqualTo(" @aws_oidc");
    }

    @Test
    void unionKeepsAGroupRestrictionOnlyIfBothSidesHaveOne() {
        AuthModes admins = AuthModes.of(List.of(groups("Admin")));
        AuthModes staff = AuthModes.of(List.of(groups("Staff")));
        assertThat(admins.union(staff).cognitoGroups()).containsExactly("Admin", "Staff");
        assertThat(admins.union(AuthModes.of(List.of(owner()))).cognitoGroups()).isEmpty();
        assertThat(admins.union(AuthModes.of(List.of(new AuthRule.PublicApiKey(List.of())))).directives())
                .isEqualTo(" @aws_api_key @aws_cognito_user_pools(cognito_groups: [\"Admin\"])");
        assertThat(admins.plus(AuthProvider.IDENTITY_POOL).directives())
                .isEqualTo(" @aws_iam @aws_cognito_user_pools(cognito_groups: [\"Admin\"])");
    }
}
