package io.amplify4j.validate;

import static io.amplify4j.validate.ModelFixtures.*;

import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.CustomOperation.MutationKind;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.model.data.ScalarType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom queries, mutations and subscriptions (#19, #20). */
class CustomOperationValidationTest {

    private static OperationBuilder echo() {
        return query("echo").argument("text", t(ScalarType.STRING)).returns(t(ScalarType.STRING));
    }

    @Test
    void validOperationsPass() {
        Backend b = backend().functions("echoFn").model(openModel("Post").build())
                .operation(echo().function("echoFn").rules(authenticated()).build())
                .operation(mutation("publish").returns(modelRef("Post")).js("publish.js", "Post").rules(apiKeyRule())
                        .build())
                .operation(subscription("onPublish").returns(modelRef("Post")).forMutation("publish")
                        .forModel("Post", MutationKind.CREATE).js("filter.js").rules(apiKeyRule()).build());
        assertProblems(b);
    }

    @Test
    void queryWithoutHandler() {
        assertProblems(backend().operation(echo().rules(apiKeyRule()).build()), "data.operations.echo: Custom operation "
                + "`echo` requires both an authorization rule and a handler; it has no handler. Add a function or "
                + "custom JS handler.");
    }

    @Test
    void queryWithoutRules() {
        assertProblems(backend().operation(echo().js("echo.js").build()), "data.operations.echo: Custom operation "
                + "`echo` requires both an authorization rule and a handler; it has no authorization rule. Add rules "
                + "with authorization(...).");
    }

    @Test
    void queryWithoutReturnType() {
        assertProblems(backend().operation(query("ping").js("ping.js").rules(apiKeyRule()).build()),
                "data.operations.ping: Custom query `ping` has no return type. Declare what it returns with "
                        + "returns(...).");
    }

    @Test
    void asyncFunctionHandlersNeedNoReturnType() {
        assertProblems(backend().functions("audit").operation(mutation("audit")
                .argument("tenant", req(ScalarType.ID)).asyncFunction("audit").rules(authenticated()).build()));
    }

    @Test
    void subscriptionWithoutReturnTypePublishesItsModelSource() {
        Backend b = backend().model(openModel("Todo").build()).model(openModel("Post").build())
                .operation(subscription("onTodo").forModel("Todo").forModel("Post").rules(apiKeyRule()).build());
        assertProblems(b, "data.operations.onTodo.sources[1]: All sources of custom subscription `onTodo` must return "
                + "its type `Todo`; model source `Post` returns `Post`. Make the sources and the subscription return "
                + "the same type.");
    }

    @Test
    void subscriptionWithoutSource() {
        assertProblems(backend().operation(subscription("onEcho").returns(t(ScalarType.STRING)).rules(apiKeyRule())
                        .build()),
                "data.operations.onEcho: Custom subscription `onEcho` is missing a mutation source. Name the mutations "
                        + "it publishes with for(...).");
    }

    @Test
    void subscriptionSourcesMustExist() {
        Backend b = backend().operation(echo().js("echo.js").rules(apiKeyRule()).build())
                .operation(subscription("onEcho").returns(t(ScalarType.STRING)).forMutation("echo")
                        .forModel("Ghost").rules(apiKeyRule()).build());
        assertProblems(b,
                "data.operations.onEcho.sources[0]: Subscription source `echo` of `onEcho` is not a custom mutation. "
                        + "Name a custom mutation or a model's mutations.",
                "data.operations.onEcho.sources[1]: Subscription source model `Ghost` of `onEcho` is not defined. "
                        + "Declare the model or fix the name.");
    }

    @Test
    void subscriptionSourcesMustReturnItsType() {
        Backend b = backend().model(openModel("Todo").build()).model(openModel("Post").build())
                .operation(mutation("like").returns(t(ScalarType.INT)).js("like.js").rules(apiKeyRule()).build())
                .operation(subscription("onPost").returns(modelRef("Post")).forModel("Todo").forMutation("like")
                        .rules(apiKeyRule()).build());
        assertProblems(b,
                "data.operations.onPost.sources[0]: All sources of custom subscription `onPost` must return its type "
                        + "`Post`; model source `Todo` returns `Todo`. Make the sources and the subscription "
                        + "return the same type.",
                "data.operations.onPost.sources[1]: All sources of custom subscription `onPost` must return its type "
                        + "`Post`; source `like` returns `Int`. Make the sources and the subscription return the same "
                        + "type.");
    }

    @Test
    void onlySubscriptionsTakeSources() {
        Backend b = backend().model(openModel("Todo").build())
                .operation(echo().js("echo.js").rules(apiKeyRule()).forModel("Todo").build());
        assertProblems(b, "data.operations.echo: Custom query `echo` has subscription sources, but only subscriptions "
                + "take sources. Remove them.");
    }

    @Test
    void functionHandlerMustExist() {
        assertProblems(backend().operation(echo().function("ghost").rules(apiKeyRule()).build()),
                "data.operations.echo.handlers[0]: Handler function `ghost` of custom operation `echo` is not defined. "
                        + "Define the function or fix the name.");
    }

    @Test
    void handlersOfOneKind() {
        assertProblems(backend().functions("fn").operation(echo().js("a.js").function("fn").rules(apiKeyRule())
                        .build()),
                "data.operations.echo: Custom operation `echo` mixes function and custom JS handlers. Use handlers of "
                        + "one kind.");
    }

    @Test
    void onlyOneFunctionHandler() {
        assertProblems(backend().functions("a", "b").operation(echo().function("a").function("b").rules(apiKeyRule())
                        .build()),
                "data.operations.echo: Custom operation `echo` has 2 function handlers, but only one is supported. Do "
                        + "the work in one function.");
    }

    @Test
    void subscriptionsTakeNoFunctionHandler() {
        Backend b = backend().functions("fn").model(openModel("Todo").build())
                .operation(subscription("onTodo").returns(modelRef("Todo")).forModel("Todo").function("fn")
                        .rules(apiKeyRule()).build());
        assertProblems(b, "data.operations.onTodo: Custom subscription `onTodo` cannot use a function handler; "
                + "subscriptions take custom JS handlers only, to filter events. Remove the function handler.");
    }

    @Test
    void jsEntryIsARelativeJsFile() {
        assertProblems(backend().operation(echo().js("/abs/echo.ts").rules(apiKeyRule()).build()),
                "data.operations.echo.handlers[0]: Custom JS handler entry `/abs/echo.ts` of operation `echo` must be "
                        + "a .js file (an APPSYNC_JS module). Point it at the .js file.",
                "data.operations.echo.handlers[0]: Custom JS handler entry `/abs/echo.ts` of operation `echo` must be "
                        + "relative to the project directory. Use a relative path.");
    }

    @Test
    void jsDataSourceModelMustExist() {
        assertProblems(backend().operation(echo().js("echo.js", "Ghost").rules(apiKeyRule()).build()),
                "data.operations.echo.handlers[0]: Custom JS handler of operation `echo` uses the table of model "
                        + "`Ghost`, which is not defined. Declare the model or fix the name.");
    }

    @Test
    void argumentNamesAreUnique() {
        assertProblems(backend().operation(echo().argument("text", t(ScalarType.INT)).js("e.js").rules(apiKeyRule())
                        .build()),
                "data.operations.echo.arguments.text: Argument `text` of custom operation `echo` is declared more than "
                        + "once. Remove or rename one.");
    }

    @Test
    void operationRulesTakeNoOwnerOrGroupFieldRules() {
        assertProblems(backend().operation(echo().js("e.js").rules(owner(), groupIn("team")).build()),
                "data.operations.echo.rules[0]: Rule `owner` on custom operation `echo` is not allowed: a custom "
                        + "operation has no item to hold an owner or group field. Use publicApiKey, guest, "
                        + "authenticated, groups or custom.",
                "data.operations.echo.rules[1]: Rule `groupDefinedIn` on custom operation `echo` is not allowed: a "
                        + "custom operation has no item to hold an owner or group field. Use publicApiKey, guest, "
                        + "authenticated, groups or custom.");
    }

    @Test
    void operationRulesTakeNoOperationList() {
        assertProblems(backend().operation(echo().js("e.js").rules(authenticated(ModelOperation.READ)).build()),
                "data.operations.echo.rules[0]: Rule `authenticated` on custom operation `echo` is limited to "
                        + "operations [`read`], but rules on custom operations cannot use to(...). Remove the operation "
                        + "list.");
    }

    @Test
    void customJsHandlersTakeNoIdentityPoolRules() {
        assertProblems(backend().operation(echo().js("e.js").rules(guest(), authenticated(AuthProvider.IDENTITY_POOL))
                        .build()),
                "data.operations.echo.rules[0]: Rule `guest` on custom operation `echo` uses the identity pool, which "
                        + "custom JS handlers do not support. Use a function handler or another rule.",
                "data.operations.echo.rules[1]: Rule `authenticated` on custom operation `echo` uses the identity pool, "
                        + "which custom JS handlers do not support. Use a function handler or another rule.");
    }

    @Test
    void customJsHandlersTakeNoOidcGroups() {
        AuthRule rule = new AuthRule.Groups(List.of("Editors"), "groups", AuthProvider.OIDC, List.of());
        Backend b = backend().modes(modes(java.util.Optional.empty(), java.util.Optional.of(apiKey(7)),
                java.util.Optional.empty(), java.util.Optional.of(oidc("https://example.auth0.com"))))
                .operation(echo().js("e.js").rules(rule).build());
        assertProblems(b, "data.operations.echo.rules[0]: Rule `groups` on custom operation `echo` uses oidc groups, "
                + "which custom JS handlers do not support. Use userPools groups or a function handler.");
    }

    @Test
    void functionHandlersMayUseIdentityPoolRules() {
        assertProblems(backend().functions("fn").operation(echo().function("fn").rules(guest()).build()));
    }
}
