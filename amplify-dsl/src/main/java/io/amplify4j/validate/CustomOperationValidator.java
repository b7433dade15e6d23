package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;

import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.CustomOperation.Handler;
import io.amplify4j.model.data.CustomOperation.SubscriptionSource;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.DisabledOperation;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.TypeRef;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Custom queries, mutations and subscriptions (#19, #20): shape, handlers, sources and rules. */
final class CustomOperationValidator {
    private CustomOperationValidator() {}

    static void check(Context ctx, DataDefinition data) {
        Set<String> names = new HashSet<>();
        Map<String, String> generated = NameRules.generatedOperationNames(data);
        for (CustomOperation op : data.operations()) {
            String place = "data.operations." + op.name();
            if (NameRules.checkGraphqlName(ctx, place, "Custom operation", op.name())) {
                if (!names.add(op.name())) {
                    ctx.addf(place, "Custom operation %s is declared more than once. Rename one of them.", q(op.name()));
                }
                String origin = generated.get(op.name());
                if (origin != null) {
                    ctx.addf(place, "Custom operation %s collides with the operation generated for %s. Choose another "
                            + "name.", q(op.name()), origin);
                }
            }
            check(ctx, data, op, place);
        }
    }

    /** Async function handlers return nothing to the caller; the plan gives them EventInvocationResponse. */
    private static boolean isAsync(CustomOperation op) {
        return op.handlers().stream().anyMatch(h -> h instanceof Handler.Function f && f.async());
    }

    /** The declared return type; a subscription without one publishes its first model source's model. */
    private static Optional<FieldType> returnType(CustomOperation op) {
        if (op.returns().isPresent() || op.type() != CustomOperation.Type.SUBSCRIPTION) {
            return op.returns();
        }
        return op.sources().stream()
                .filter(s -> s instanceof SubscriptionSource.ModelMutations)
                .map(s -> FieldType.of(new TypeRef.Model(((SubscriptionSource.ModelMutations) s).model())))
                .findFirst();
    }

    private static String label(CustomOperation op) {
        return "Custom " + op.type().name().toLowerCase(java.util.Locale.ROOT) + " " + q(op.name());
    }

    private static void check(Context ctx, DataDefinition data, CustomOperation op, String place) {
        Set<String> argumentNames = new HashSet<>();
        for (CustomOperation.Argument arg : op.arguments()) {
            String argPlace = place + ".arguments." + arg.name();
            NameRules.checkGraphqlName(ctx, argPlace, "Argument", arg.name());
            if (!argumentNames.add(arg.name())) {
                ctx.addf(argPlace, "Argument %s of custom operation %s is declared more than once. Remove or rename "
                        + "one.", q(arg.name()), q(op.name()));
            }
            DataValidator.checkType(ctx, data, argPlace, op.name() + "." + arg.name(), arg.type(),
                    DataValidator.RefUse.ARGUMENT);
        }
        op.returns().ifPresent(r -> DataValidator.checkType(ctx, data, place + ".returns", op.name(), r,
                DataValidator.RefUse.RETURN));
        boolean subscription = op.type() == CustomOperation.Type.SUBSCRIPTION;
        if (returnType(op).isEmpty() && !isAsync(op)) {
            ctx.addf(place, "%s has no return type. Declare what it returns with returns(...).", label(op));
        }
        if (op.rules().isEmpty()) {
            ctx.addf(place, "Custom operation %s requires both an authorization rule and a handler; it has no "
                    + "authorization rule. Add rules with authorization(...).", q(op.name()));
        }
        if (subscription) {
            checkSubscription(ctx, data, op, place);
        } else {
            if (op.handlers().isEmpty()) {
                ctx.addf(place, "Custom operation %s requires both an authorization rule and a handler; it has no "
                        + "handler. Add a function or custom JS handler.", q(op.name()));
            }
            if (!op.sources().isEmpty()) {
                ctx.addf(place, "%s has subscription sources, but only subscriptions take sources. Remove them.",
                        label(op));
            }
        }
        checkHandlers(ctx, data, op, place);
        boolean customJs = !op.handlers().isEmpty() && op.handlers().stream().allMatch(h -> h instanceof Handler.CustomJs);
        AuthRuleValidator.checkAll(ctx, data, place, "custom operation " + q(op.name()), op.rules(),
                AuthRuleValidator.Scope.OPERATION, customJs);
    }

    private static void checkHandlers(Context ctx, DataDefinition data, CustomOperation op, String place) {
        long functions = op.handlers().stream().filter(h -> h instanceof Handler.Function).count();
        if (functions > 0 && functions < op.handlers().size()) {
            ctx.addf(place, "Custom operation %s mixes function and custom JS handlers. Use handlers of one kind.",
                    q(op.name()));
        } else if (functions > 1) {
            ctx.addf(place, "Custom operation %s has %d function handlers, but only one is supported. Do the work in "
                    + "one function.", q(op.name()), functions);
        }
        if (functions > 0 && op.type() == CustomOperation.Type.SUBSCRIPTION) {
            ctx.addf(place, "Custom subscription %s cannot use a function handler; subscriptions take custom JS "
                    + "handlers only, to filter events. Remove the function handler.", q(op.name()));
        }
        for (int i = 0; i < op.handlers().size(); i++) {
            String handlerPlace = place + ".handlers[" + i + "]";
            Handler handler = op.handlers().get(i);
            if (handler instanceof Handler.Function f) {
                if (!ctx.hasFunction(f.function())) {
                    ctx.addf(handlerPlace, "Handler function %s of custom operation %s is not defined. Define the "
                            + "function or fix the name.", q(f.function()), q(op.name()));
                }
            } else if (handler instanceof Handler.CustomJs js) {
                checkJsEntry(ctx, handlerPlace, op, js.entry());
                js.dataSourceModel().filter(m -> data.model(m).isEmpty()).ifPresent(m -> ctx.addf(handlerPlace,
                        "Custom JS handler of operation %s uses the table of model %s, which is not defined. Declare "
                        + "the model or fix the name.", q(op.name()), q(m)));
            }
        }
    }

    private static void checkJsEntry(Context ctx, String place, CustomOperation op, String entry) {
        // Resolvers run as APPSYNC_JS modules, so the entry must already be JavaScript; nothing transpiles it.
        if (!entry.endsWith(".js")) {
            ctx.addf(place, "Custom JS handler entry %s of operation %s must be a .js file (an APPSYNC_JS module). "
                    + "Point it at the .js file.", q(entry), q(op.name()));
        }
        if (entry.startsWith("/") || entry.startsWith("\\") || entry.matches("[A-Za-z]:[\\\\/].*")) {
            ctx.addf(place, "Custom JS handler entry %s of operation %s must be relative to the project directory. "
                    + "Use a relative path.", q(entry), q(op.name()));
        }
    }

    private static void checkSubscription(Context ctx, DataDefinition data, CustomOperation op, String place) {
        if (op.sources().isEmpty()) {
            ctx.addf(place, "Custom subscription %s is missing a mutation source. Name the mutations it publishes "
                    + "with for(...).", q(op.name()));
        }
        for (int i = 0; i < op.sources().size(); i++) {
            String sourcePlace = place + ".sources[" + i + "]";
            SubscriptionSource source = op.sources().get(i);
            if (source instanceof SubscriptionSource.ModelMutations mm) {
                Optional<ModelDefinition> model = data.model(mm.model());
                if (model.isEmpty()) {
                    ctx.addf(sourcePlace, "Subscription source model %s of %s is not defined. Declare the model or "
                            + "fix the name.", q(mm.model()), q(op.name()));
                    continue;
                }
                checkDisabled(ctx, sourcePlace, op, model.get(), mm.mutations());
                checkSourceType(ctx, sourcePlace, op, "model source " + q(mm.model()),
                        FieldType.of(new TypeRef.Model(mm.model())));
            } else if (source instanceof SubscriptionSource.Mutation m) {
                Optional<CustomOperation> mutation = data.operations().stream()
                        .filter(o -> o.name().equals(m.name()) && o.type() == CustomOperation.Type.MUTATION)
                        .findFirst();
                if (mutation.isEmpty()) {
                    ctx.addf(sourcePlace, "Subscription source %s of %s is not a custom mutation. Name a custom "
                            + "mutation or a model's mutations.", q(m.name()), q(op.name()));
                } else if (mutation.get().returns().isPresent()) {
                    checkSourceType(ctx, sourcePlace, op, "source " + q(m.name()), mutation.get().returns().get());
                }
            }
        }
    }

    private static void checkDisabled(Context ctx, String place, CustomOperation op, ModelDefinition model,
            List<CustomOperation.MutationKind> kinds) {
        List<CustomOperation.MutationKind> wanted =
                kinds.isEmpty() ? List.of(CustomOperation.MutationKind.values()) : kinds;
        for (CustomOperation.MutationKind kind : wanted) {
            DisabledOperation fine = DisabledOperation.valueOf(kind.name());
            if (model.disabledOperations().contains(DisabledOperation.MUTATIONS)
                    || model.disabledOperations().contains(fine)) {
                ctx.addf(place, "Subscription %s publishes the %s mutation of model %s, which the model disables. "
                        + "Enable the mutation or remove it from the source.", q(op.name()),
                        kind.name().toLowerCase(java.util.Locale.ROOT), q(model.name()));
            }
        }
    }

    private static void checkSourceType(Context ctx, String place, CustomOperation op, String source, FieldType type) {
        if (returnType(op).isEmpty()) {
            return;
        }
        FieldType own = returnType(op).get();
        if (!own.base().equals(type.base()) || own.list() != type.list()) {
            ctx.addf(place, "All sources of custom subscription %s must return its type %s; %s returns %s. Make the "
                    + "sources and the subscription return the same type.", q(op.name()), q(own.graphql()), source,
                    q(type.graphql()));
        }
    }
}
