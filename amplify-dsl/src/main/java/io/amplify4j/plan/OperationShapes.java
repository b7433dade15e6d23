package io.amplify4j.plan;

import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The arguments and inputs of the generated operations, computed once: the SDL renderer writes them into the schema
 * and the client generator declares the same variables in its documents and the same fields in its input classes.
 *
 * <p>Argument types are SDL type text ({@code ID!}, {@code ModelTodoFilterInput}); input fields keep their
 * {@link FieldType}, with the requiredness the input has, because custom types change name in input position.
 */
public final class OperationShapes {
    /** The return type of a custom operation whose function Amplify invokes as an event. */
    public static final String EVENT_INVOCATION_RESPONSE = "EventInvocationResponse";

    private final Names names;

    /** Shapes named by {@code names}. */
    public OperationShapes(Names names) {
        this.names = Objects.requireNonNull(names, "names");
    }

    /**
     * An argument of a generated query, mutation or subscription.
     *
     * @param name the argument name
     * @param type its SDL type, for example {@code ID!}
     */
    public record Argument(String name, String type) {
        public Argument {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        /** The named type without list brackets or {@code !}. */
        public String namedType() {
            return type.replace("[", "").replace("]", "").replace("!", "");
        }

        /** {@code name: type}, as the SDL writes it. */
        public String sdl() {
            return name + ": " + type;
        }
    }

    /**
     * A field of a create or update input.
     *
     * @param name the field name
     * @param type its type in the input: optional where the input makes it optional
     * @param key true for a primary key field
     */
    public record InputField(String name, FieldType type, boolean key) {
        public InputField {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    // ---- model operations --------------------------------------------------------------------------------

    /** The arguments of the get query: the primary key fields, all required. */
    public List<Argument> getArguments(ModelPlan model) {
        return model.primaryKey().fields().stream().map(f -> new Argument(f, keyType(model, f) + "!")).toList();
    }

    /**
     * The arguments of the list query: with an explicit key, the partition key and a sort key condition first and
     * {@code sortDirection} last, as Amplify does.
     */
    public List<Argument> listArguments(ModelPlan model) {
        List<Argument> arguments = new ArrayList<>();
        PrimaryKeyPlan key = model.primaryKey();
        if (key.explicit()) {
            arguments.add(new Argument(key.partitionKey(), keyType(model, key.partitionKey())));
            sortKeyArgument(model, key.sortKeys(), model.names().primaryCompositeKeyConditionInput())
                    .ifPresent(arguments::add);
        }
        arguments.add(new Argument("filter", model.names().filterInput()));
        arguments.add(new Argument("limit", "Int"));
        arguments.add(new Argument("nextToken", "String"));
        if (key.explicit()) {
            arguments.add(new Argument("sortDirection", names.sortDirectionEnum()));
        }
        return arguments;
    }

    /** The arguments of an index query: partition key (required), sort key condition, direction, filter, page. */
    public List<Argument> indexArguments(ModelPlan model, IndexPlan index) {
        List<Argument> arguments = new ArrayList<>();
        arguments.add(new Argument(index.partitionKey(), keyType(model, index.partitionKey()) + "!"));
        Optional<String> compositeInput = index.hasCompositeSortKey()
                ? Optional.of(names.compositeKeyConditionInput(model.name(), index.keyName()))
                : Optional.empty();
        sortKeyArgument(model, index.sortKeys(), compositeInput).ifPresent(arguments::add);
        arguments.add(new Argument("sortDirection", names.sortDirectionEnum()));
        arguments.add(new Argument("filter", model.names().filterInput()));
        arguments.add(new Argument("limit", "Int"));
        arguments.add(new Argument("nextToken", "String"));
        return arguments;
    }

    /** The arguments of a create, update or delete mutation. */
    public List<Argument> mutationArguments(ModelPlan model, ModelOperationKind kind) {
        String input = switch (kind) {
            case CREATE -> model.names().createInput();
            case UPDATE -> model.names().updateInput();
            case DELETE -> model.names().deleteInput();
            default -> throw new IllegalArgumentException(kind + " is not a mutation");
        };
        return List.of(new Argument("input", input + "!"), new Argument("condition", model.names().conditionInput()));
    }

    /** The arguments of an onCreate, onUpdate or onDelete subscription: the filter, then the owner arguments. */
    public List<Argument> subscriptionArguments(ModelPlan model) {
        List<Argument> arguments = new ArrayList<>();
        arguments.add(new Argument("filter", model.names().subscriptionFilterInput()));
        subscriptionOwnerArguments(model).forEach(owner -> arguments.add(new Argument(owner, "String")));
        return arguments;
    }

    /** One {@code ownerField: String} argument per owner rule granting listen (Amplify's legacy owner argument). */
    public static List<String> subscriptionOwnerArguments(ModelPlan model) {
        return model.rules().stream()
                .filter(r -> r instanceof io.amplify4j.model.data.AuthRule.Owner)
                .filter(ModelOperationKind.ON_CREATE::grantedBy)
                .map(r -> ((io.amplify4j.model.data.AuthRule.Owner) r).field())
                .distinct()
                .toList();
    }

    private Optional<Argument> sortKeyArgument(ModelPlan model, List<String> sortKeys, Optional<String> compositeInput) {
        if (sortKeys.isEmpty()) {
            return Optional.empty();
        }
        if (sortKeys.size() == 1) {
            return Optional.of(new Argument(sortKeys.get(0), names.keyConditionInput(keyConditionBase(model,
                    sortKeys.get(0)))));
        }
        return Optional.of(new Argument(names.compositeSortKeyArgument(sortKeys), compositeInput.orElseThrow()));
    }

    /** The scalar a single sort key is compared as: its filter scalar, or {@code String} for enums. */
    public static String keyConditionBase(ModelPlan model, String field) {
        return model.field(field).flatMap(f -> f.type().scalar()).map(Names::filterScalar).orElse("String");
    }

    /** The named type of a key field (keys are never lists). */
    public static String keyType(ModelPlan model, String field) {
        return model.field(field).map(f -> f.type().base().graphqlName()).orElse("ID");
    }

    // ---- mutation inputs ---------------------------------------------------------------------------------

    /**
     * The fields of the create input, in field order. The implicit id, timestamps, fields with a default and the
     * version field are optional, because the create resolver fills them.
     */
    public List<InputField> createInputFields(ModelPlan model) {
        List<InputField> fields = new ArrayList<>();
        for (FieldPlan field : model.fields()) {
            if (!inMutationInput(model, field)) {
                continue;
            }
            FieldType type = field.type();
            boolean generatedId = field.name().equals("id") && type.scalar()
                    .filter(s -> s == ScalarType.ID || s == ScalarType.STRING).isPresent();
            if (generatedId || isTimestampName(field) || filledByCreate(model, field)) {
                type = type.withRequired(false);
            }
            fields.add(new InputField(field.name(), type, model.primaryKey().fields().contains(field.name())));
        }
        return fields;
    }

    /** The fields of the update input: key fields required (as their key type), everything else optional. */
    public List<InputField> updateInputFields(ModelPlan model) {
        List<InputField> fields = new ArrayList<>();
        List<String> keyFields = model.primaryKey().fields();
        for (FieldPlan field : model.fields()) {
            if (!inMutationInput(model, field)) {
                continue;
            }
            if (keyFields.contains(field.name())) {
                fields.add(new InputField(field.name(), FieldType.required(field.type().base()), true));
            } else {
                fields.add(new InputField(field.name(), field.type().withRequired(false), false));
            }
        }
        return fields;
    }

    /**
     * True for fields the create resolver fills when the input leaves them out: fields with a default (as Amplify's
     * {@code @default} makes them optional in the create input) and the version field, which starts at 1.
     */
    private static boolean filledByCreate(ModelPlan model, FieldPlan field) {
        boolean hasDefault = model.definition().field(field.name())
                .flatMap(FieldDefinition::defaultValue)
                .isPresent();
        return hasDefault || model.definition().versionField().filter(field.name()::equals).isPresent();
    }

    /** Input fields, plus key fields that are otherwise implicit (an identifier may include {@code createdAt}). */
    private static boolean inMutationInput(ModelPlan model, FieldPlan field) {
        return field.isInput() || model.primaryKey().fields().contains(field.name());
    }

    /** Declared {@code createdAt}/{@code updatedAt} of type AWSDateTime or String are optional on input, as in Amplify. */
    private static boolean isTimestampName(FieldPlan field) {
        if (field.origin() == FieldPlan.Origin.TIMESTAMP) {
            return true;
        }
        boolean named = field.name().equals("createdAt") || field.name().equals("updatedAt");
        return named && field.type().scalar().filter(s -> s == ScalarType.DATETIME || s == ScalarType.STRING)
                .isPresent();
    }

    // ---- custom operations -------------------------------------------------------------------------------

    /**
     * The SDL return type of a custom operation. A function invoked asynchronously returns nothing to the caller,
     * so Amplify forces {@code EventInvocationResponse!}; a subscription without a declared return type publishes
     * its source model's type.
     */
    public static String returnType(CustomOperation operation) {
        boolean async = operation.handlers().stream()
                .anyMatch(h -> h instanceof CustomOperation.Handler.Function f && f.async());
        if (async) {
            return EVENT_INVOCATION_RESPONSE + "!";
        }
        if (operation.returns().isPresent()) {
            return operation.returns().get().graphql();
        }
        return operation.sources().stream()
                .filter(s -> s instanceof CustomOperation.SubscriptionSource.ModelMutations)
                .map(s -> ((CustomOperation.SubscriptionSource.ModelMutations) s).model())
                .findFirst()
                .orElse("AWSJSON");
    }
}
