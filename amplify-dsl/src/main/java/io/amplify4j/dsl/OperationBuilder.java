package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.validate.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What custom queries, mutations, subscriptions and generation routes share: arguments, a return type and rules.
 *
 * @param <SELF> the concrete builder
 */
public abstract class OperationBuilder<SELF extends OperationBuilder<SELF>> {
    final BackendBuilder backend;
    final String name;
    final CustomOperation.Type type;
    private final Map<String, DataType> arguments = new LinkedHashMap<>();
    private final Map<String, String> argumentDescriptions = new LinkedHashMap<>();
    final List<CustomOperation.Handler> handlers = new ArrayList<>();
    final List<Handle> handlerHandles = new ArrayList<>();
    private DataType returns;
    private String description;
    private Function<OperationAllow, List<OperationRule>> rules;

    OperationBuilder(BackendBuilder backend, String name, CustomOperation.Type type) {
        this.backend = backend;
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
    }

    @SuppressWarnings("unchecked")
    final SELF self() {
        return (SELF) this;
    }

    public String name() {
        return name;
    }

    /** Adds an argument; a custom type argument becomes a generated GraphQL input type. */
    public SELF argument(String argumentName, DataType argumentType) {
        arguments.put(Objects.requireNonNull(argumentName, "argumentName"),
                Objects.requireNonNull(argumentType, "argumentType"));
        return self();
    }

    /** Adds a documented argument. */
    public SELF argument(String argumentName, DataType argumentType, String argumentDescription) {
        argument(argumentName, argumentType);
        argumentDescriptions.put(argumentName, Objects.requireNonNull(argumentDescription, "argumentDescription"));
        return self();
    }

    /** The operation's result type. */
    public SELF returns(DataType returnType) {
        this.returns = Objects.requireNonNull(returnType, "returnType");
        return self();
    }

    /** The operation's rules, for example {@code allow -> List.of(allow.authenticated())}. */
    public SELF authorization(Function<OperationAllow, List<OperationRule>> operationRules) {
        this.rules = Objects.requireNonNull(operationRules, "operationRules");
        return self();
    }

    public SELF description(String text) {
        this.description = Objects.requireNonNull(text, "text");
        return self();
    }

    List<CustomOperation.SubscriptionSource> sources(String place, Problems problems) {
        return List.of();
    }

    CustomOperation toDefinition(Problems problems) {
        String place = "data.operations." + name;
        List<CustomOperation.Argument> args = new ArrayList<>();
        arguments.forEach((argName, argType) -> {
            checkHandle(argType.handle(), place + ".arguments." + argName, problems);
            args.add(new CustomOperation.Argument(
                    argName, argType.toFieldType(), Optional.ofNullable(argumentDescriptions.get(argName))));
        });
        if (returns != null) {
            checkHandle(returns.handle(), place + ".returns", problems);
        }
        handlerHandles.forEach(h -> h.checkSameBackend(backend, place + ".handlers", problems));
        List<AuthRule> authRules = rules == null
                ? List.of()
                : rules.apply(new OperationAllow()).stream().map(OperationRule::toModel).toList();
        return new CustomOperation(
                name,
                type,
                args,
                Optional.ofNullable(returns).map(DataType::toFieldType),
                handlers,
                authRules,
                sources(place, problems),
                Optional.ofNullable(description));
    }

    private void checkHandle(Object handle, String place, Problems problems) {
        if (handle instanceof Handle h) {
            h.checkSameBackend(backend, place, problems);
        }
    }
}
