package io.amplify4j.cdk.data;

import io.amplify4j.model.BackendModel;
import io.amplify4j.plan.BackendPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionAttributes;
import software.amazon.awscdk.services.lambda.IFunction;

/** Builds a stack holding one {@link AmplifyData}, with stand-ins for the other categories' resources. */
final class DataStacks {
    /** The fixed synthesis time of the tests: API key expiries are computed from it. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:30:00Z"), ZoneOffset.UTC);

    private DataStacks() {}

    /** The app, the stack and the construct of one synthesis. */
    record Synthesized(App app, Stack stack, AmplifyData data) {}

    /** The model with {@link #everything} and then {@code configure}. */
    static Synthesized synthesize(BackendModel model, BiConsumer<Stack, AmplifyDataProps.Builder> configure) {
        return synthesize(new App(), BackendPlan.of(model), (stack, builder) -> {
            everything(stack, model).accept(builder);
            configure.accept(stack, builder);
        });
    }

    static Synthesized synthesize(App app, BackendPlan plan, BiConsumer<Stack, AmplifyDataProps.Builder> configure) {
        Stack stack = new Stack(app, "Backend", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build())
                .build());
        AmplifyDataProps.Builder builder = AmplifyDataProps.builder(plan).clock(CLOCK);
        configure.accept(stack, builder);
        AmplifyData data = new AmplifyData(stack, "Data", builder.build());
        return new Synthesized(app, stack, data);
    }

    /** Everything the other categories would pass: pool, identity pool, roles, every function of the model. */
    static Consumer<AmplifyDataProps.Builder> everything(Stack stack, BackendModel model) {
        return builder -> {
            builder.userPool(UserPool.fromUserPoolId(stack, "Pool", "eu-west-1_TESTPOOL"))
                    .userPoolClientId("testclientid")
                    .identityPoolId("eu-west-1:11111111-2222-3333-4444-555555555555")
                    .authenticatedRole(Role.fromRoleArn(stack, "AuthRole",
                            "arn:aws:iam::123456789012:role/authenticated"))
                    .unauthenticatedRole(Role.fromRoleArn(stack, "GuestRole", "arn:aws:iam::123456789012:role/guest"));
            model.auth().ifPresent(auth -> auth.groups().forEach(g -> builder.groupRole(g.name(),
                    Role.fromRoleArn(stack, "Group" + g.name(), "arn:aws:iam::123456789012:role/group-" + g.name()))));
            model.functions().forEach(f -> builder.function(f.name(), function(stack, f.name())));
        };
    }

    static IFunction function(Stack stack, String name) {
        return Function.fromFunctionAttributes(stack, "Fn" + name, FunctionAttributes.builder()
                .functionArn("arn:aws:lambda:eu-west-1:123456789012:function:" + name)
                .role(Role.fromRoleArn(stack, "FnRole" + name, "arn:aws:iam::123456789012:role/fn-" + name))
                .sameEnvironment(true)
                .build());
    }
}
