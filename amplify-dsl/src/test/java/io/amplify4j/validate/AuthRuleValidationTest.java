package io.amplify4j.validate;

import static io.amplify4j.validate.ModelFixtures.*;

import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.model.data.ScalarType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Authorization rules (#1–#11, #29) and authorization modes (#28). */
class AuthRuleValidationTest {

    private static Backend todoWith(AuthRule... rules) {
        return backend().model(model("Todo").rules(rules).build());
    }

    @Test
    void modelWithoutRules() {
        assertProblems(backend().model(model("Todo").build()), "data.Todo: Model `Todo` is missing authorization "
                + "rules. Add rules to the model with authorization(...) or schema-level rules with "
                + "data.authorization(...).");
    }

    @Test
    void schemaLevelRulesCoverModelsWithoutRules() {
        assertProblems(backend().schemaRules(authenticated()).model(model("Todo").build()));
    }

    @Test
    void ownerRuleWithApiKeyProvider() {
        assertProblems(todoWith(owner(AuthProvider.API_KEY)), "data.Todo.rules[0]: Rule `owner` on model `Todo` uses "
                + "the `apiKey` provider, but owner rules support only userPools and oidc. Use the userPools or oidc "
                + "provider.");
    }

    @Test
    void ownerRuleWithIdentityPoolProvider() {
        assertProblems(todoWith(owner(AuthProvider.IDENTITY_POOL)), "data.Todo.rules[0]: Rule `owner` on model `Todo` "
                + "uses the `identityPool` provider, but owner rules support only userPools and oidc. Use the "
                + "userPools or oidc provider.");
    }

    @Test
    void groupRuleWithIdentityPoolProvider() {
        AuthRule rule = new AuthRule.Groups(List.of("ADMINS"), AuthRule.Groups.DEFAULT_GROUP_CLAIM,
                AuthProvider.IDENTITY_POOL, List.of());
        assertProblems(todoWith(rule), "data.Todo.rules[0]: Rule `groups` on model `Todo` uses the `identityPool` "
                + "provider, but group rules support only userPools and oidc. Use the userPools or oidc provider.");
    }

    @Test
    void authenticatedRuleWithApiKeyProvider() {
        assertProblems(todoWith(authenticated(AuthProvider.API_KEY)), "data.Todo.rules[0]: Rule `authenticated` on "
                + "model `Todo` uses the `apiKey` provider, but authenticated rules support only userPools, "
                + "identityPool and oidc. Use one of those providers.");
    }

    @Test
    void publicApiKeyWithoutApiKeyMode() {
        Backend b = todoWith(apiKeyRule()).modes(AuthorizationModes.none());
        assertProblems(b, "data.Todo.rules[0]: Rule `publicApiKey` on model `Todo` needs an API key, but no API key "
                + "authorization mode is configured. Add an apiKey authorization mode to data or remove the rule.");
    }

    @Test
    void publicApiKeyWithoutAuthOrModesUsesAmplifysDefaultKey() {
        assertProblems(todoWith(apiKeyRule()).noAuth().modes(AuthorizationModes.none()));
    }

    @Test
    void guestWithoutAuth() {
        assertProblems(todoWith(guest()).noAuth(), "data.Todo.rules[0]: Rule `guest` on model `Todo` requires an "
                + "identity pool with unauthenticated identities, but the backend defines no auth. Define auth, which "
                + "creates the identity pool, or remove the rule.");
    }

    @Test
    void identityPoolAuthenticatedWithoutAuth() {
        assertProblems(todoWith(authenticated(AuthProvider.IDENTITY_POOL)).noAuth(), "data.Todo.rules[0]: Rule "
                + "`authenticated` on model `Todo` requires an identity pool, but the backend defines no auth. Define "
                + "auth, which creates the identity pool, or remove the rule.");
    }

    @Test
    void userPoolRuleWithoutAuth() {
        assertProblems(todoWith(owner()).noAuth(), "data.Todo.rules[0]: Rule `owner` on model `Todo` uses the "
                + "userPools provider, but the backend defines no auth. Define auth, which creates the user pool, or "
                + "use another provider.");
    }

    @Test
    void emptyGroupList() {
        assertProblems(todoWith(groups()), "data.Todo.rules[0]: Rule `groups` on model `Todo` has an empty group list. "
                + "Name at least one group.");
    }

    @Test
    void blankGroupName() {
        assertProblems(todoWith(groups(" ")), "data.Todo.rules[0]: Rule `groups` on model `Todo` names a blank group. "
                + "Remove it or name a group.");
    }

    @Test
    void emptyIdentityClaim() {
        AuthRule rule = new AuthRule.Owner("owner", false, "", AuthProvider.USER_POOLS, false, List.of());
        assertProblems(todoWith(rule), "data.Todo.rules[0]: Rule `owner` on model `Todo` has an empty identityClaim. "
                + "Name a token claim, or leave it at the default `sub::username`.");
    }

    @Test
    void emptyGroupClaim() {
        AuthRule rule = new AuthRule.Groups(List.of("ADMINS"), "", AuthProvider.USER_POOLS, List.of());
        AuthRule dynamic = new AuthRule.GroupsDefinedIn("team", false, " ", AuthProvider.USER_POOLS, List.of());
        assertProblems(todoWith(rule, dynamic),
                "data.Todo.rules[0]: Rule `groups` on model `Todo` has an empty groupClaim. Name a token claim, or "
                        + "leave it at the default `cognito:groups`.",
                "data.Todo.rules[1]: Rule `groupDefinedIn` on model `Todo` has an empty groupClaim. Name a token "
                        + "claim, or leave it at the default `cognito:groups`.");
    }

    @Test
    void ownerFieldMustBeAName() {
        assertProblems(todoWith(ownerIn("")), "data.Todo.rules[0]: Owner field name `` is not a valid GraphQL name. "
                + "Start with a letter or underscore, use only letters, digits and underscores, and do not start with "
                + "`__`.");
    }

    @Test
    void fieldRulesLeavingARequiredFieldUnreadable() {
        Backend b = backend().model(model("Todo").rules(authenticated())
                .fields(ruled("ssn", req(ScalarType.STRING), owner(ModelOperation.UPDATE)),
                        ruled("note", t(ScalarType.STRING), owner(ModelOperation.UPDATE)),
                        ruled("title", req(ScalarType.STRING), owner(ModelOperation.READ)))
                .build());
        assertProblems(b, "data.Todo: When using field-level rules, every required field needs a rule that grants "
                + "read; missing on model `Todo`: [`ssn`]. Add read to one of their rules or make the fields "
                + "optional.");
    }

    @Test
    void groupNotDeclaredInAuth() {
        assertProblems(todoWith(groups("Admins")), "data.Todo.rules[0]: Group `Admins` in rule `groups` on model `Todo` "
                + "is not defined in auth.groups. Declare it in auth or fix the name (declared: [`ADMINS`]).");
    }

    @Test
    void oidcGroupsAreNotCheckedAgainstAuthGroups() {
        AuthRule rule = new AuthRule.Groups(List.of("Editors"), "groups", AuthProvider.OIDC, List.of());
        Backend b = todoWith(rule).modes(modes(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(oidc("https://example.auth0.com"))));
        assertProblems(b);
    }

    @Test
    void customRuleWithoutLambdaAuthorizer() {
        assertProblems(todoWith(custom()), "data.Todo.rules[0]: Rule `custom` on model `Todo` requires a Lambda "
                + "authorization mode, but none is configured. Add a lambdaAuthorizer authorization mode to data or "
                + "remove the rule.");
    }

    @Test
    void oidcRuleWithoutOidcMode() {
        assertProblems(todoWith(authenticated(AuthProvider.OIDC)), "data.Todo.rules[0]: Rule `authenticated` on model "
                + "`Todo` uses the oidc provider, but no OIDC authorization mode is configured. Add an oidc "
                + "authorization mode to data or use another provider.");
    }

    @Test
    void readMixedWithGranularReads() {
        assertProblems(todoWith(authenticated(ModelOperation.READ, ModelOperation.GET, ModelOperation.LIST)),
                "data.Todo.rules[0]: Rule `authenticated` on model `Todo` grants `read` together with `get`, `list`. "
                        + "`read` already covers them: keep either `read` or the granular operations.");
    }

    @Test
    void granularOperationInFieldRule() {
        Backend b = backend().model(model("Todo").rules(authenticated())
                .fields(ruled("title", t(ScalarType.STRING), authenticated(ModelOperation.GET))).build());
        assertProblems(b, "data.Todo.fields.title.rules[0]: Rule `authenticated` on field `Todo.title` grants `get`, "
                + "which is not allowed at the field level. Use create, update, delete or read.");
    }

    @Test
    void schemaLevelRulesArePlacedOnData() {
        assertProblems(backend().schemaRules(owner(AuthProvider.API_KEY)).model(model("Todo").build()),
                "data.rules[0]: Rule `owner` on the schema uses the `apiKey` provider, but owner rules support only "
                        + "userPools and oidc. Use the userPools or oidc provider.");
    }

    // ---- authorization modes (#28) ----

    @Test
    void apiKeyExpiryOutOfRange() {
        Backend b = backend().modes(modes(Optional.empty(), Optional.of(apiKey(0)), Optional.empty(), Optional.empty()));
        assertProblems(b, "data.authorizationModes.apiKey.expiresInDays: API key expiry must be 1 to 365 days "
                + "(AppSync's limit); got 0. Set expiresInDays between 1 and 365.");
        b = backend().modes(modes(Optional.empty(), Optional.of(apiKey(366)), Optional.empty(), Optional.empty()));
        assertProblems(b, "data.authorizationModes.apiKey.expiresInDays: API key expiry must be 1 to 365 days "
                + "(AppSync's limit); got 366. Set expiresInDays between 1 and 365.");
    }

    @Test
    void lambdaAuthorizerFunctionAndTtl() {
        Backend b = backend().modes(modes(Optional.empty(), Optional.empty(),
                Optional.of(new AuthorizationModes.LambdaAuthorizer("authz", 4000)), Optional.empty()));
        assertProblems(b,
                "data.authorizationModes.lambdaAuthorizer.function: Lambda authorizer function `authz` is not defined. "
                        + "Define the function or fix the name.",
                "data.authorizationModes.lambdaAuthorizer.timeToLiveSeconds: Lambda authorizer cache time to live must "
                        + "be 0 to 3600 seconds; got 4000.");
    }

    @Test
    void oidcIssuerMustBeHttps() {
        Backend b = backend().modes(modes(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(oidc("http://example.auth0.com"))));
        assertProblems(b, "data.authorizationModes.oidc.issuerUrl: OIDC issuer `http://example.auth0.com` is not an "
                + "https URL. Use the issuer's https URL, for example `https://example.auth0.com`.");
    }

    @Test
    void defaultModeMustBeConfigured() {
        Backend b = backend().noAuth().modes(modes(Optional.of(AuthorizationModes.Mode.USER_POOL), Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertProblems(b, "data.authorizationModes.defaultMode: Default authorization mode `USER_POOL` needs auth, "
                + "which is not configured. Configure it or choose another default mode.");
        b = backend().modes(modes(Optional.of(AuthorizationModes.Mode.LAMBDA), Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertProblems(b, "data.authorizationModes.defaultMode: Default authorization mode `LAMBDA` needs a "
                + "lambdaAuthorizer authorization mode, which is not configured. Configure it or choose another "
                + "default mode.");
    }

    @Test
    void severalModesWithoutAuthNeedADefault() {
        Backend b = backend().noAuth().modes(modes(Optional.empty(), Optional.of(apiKey(7)), Optional.empty(),
                Optional.of(oidc("https://example.auth0.com"))));
        assertProblems(b, "data.authorizationModes.defaultMode: A default authorization mode is required if multiple "
                + "authorization modes are configured (apiKey, oidc). Set defaultMode.");
    }

    @Test
    void functionAccessNamesAFunctionAndGrantsSomething() {
        Backend b = backend();
        b.functionAccess.add(new FunctionDataAccess("ghost", List.of(FunctionDataAccess.ResourceOperation.QUERY)));
        b.functionAccess.add(new FunctionDataAccess("ghost", List.of()));
        assertProblems(b,
                "data.functionAccess[0]: Function `ghost` granted access to the API is not defined. Define the "
                        + "function or fix the name.",
                "data.functionAccess[1]: Function `ghost` granted access to the API is not defined. Define the "
                        + "function or fix the name.",
                "data.functionAccess[1]: Access for function `ghost` grants nothing. Name at least one of query, "
                        + "mutate or listen.",
                "data.functionAccess[1]: Function `ghost` is granted access to the API more than once. Merge the "
                        + "grants.");
    }
}
