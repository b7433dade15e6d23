package io.amplify4j.plan;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.SecondaryIndexDefinition;
import io.amplify4j.model.data.TypeRef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Derives a {@link ModelPlan} from a validated model. Runs once per model; assumes the model passed validation
 * (fields named by keys, indexes and relationships exist), so it does not re-check.
 */
public final class ModelPlanner {
    private final DataDefinition data;
    private final String backendName;
    private final Names names;

    public ModelPlanner(DataDefinition data, String backendName, Names names) {
        this.data = data;
        this.backendName = backendName;
        this.names = names;
    }

    public ModelPlan plan(ModelDefinition model) {
        List<AuthRule> rules = data.rulesOf(model);
        List<FieldPlan> fields = fields(model, rules);
        PrimaryKeyPlan primaryKey = primaryKey(model, fields);
        return new ModelPlan(
                model,
                typeNames(model, primaryKey),
                fields,
                primaryKey,
                rules,
                operations(model),
                model.indexes().stream().map(index -> index(model, fields, index)).toList(),
                model.relationships().stream().map(r -> relationship(model, r)).toList(),
                model.tableName().orElseGet(() -> names.tableName(backendName, model.name())));
    }

    // ---- fields ------------------------------------------------------------------------------------------

    private List<FieldPlan> fields(ModelDefinition model, List<AuthRule> rules) {
        List<FieldPlan> fields = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        if (hasImplicitId(model)) {
            fields.add(new FieldPlan("id", FieldType.required(TypeRef.scalar(ScalarType.ID)),
                    FieldPlan.Origin.IMPLICIT_ID, Optional.empty(), List.of(), Optional.empty()));
        }
        for (FieldDefinition field : model.fields()) {
            fields.add(new FieldPlan(field.name(), field.type(), FieldPlan.Origin.DECLARED, Optional.empty(),
                    field.rules(), field.description()));
        }
        for (RelationshipDefinition relationship : model.relationships()) {
            fields.add(new FieldPlan(relationship.name(), relationship.type(), FieldPlan.Origin.RELATIONSHIP,
                    Optional.of(relationship), relationship.rules(), relationship.description()));
        }
        fields.forEach(f -> taken.add(f.name()));
        for (String timestamp : List.of("createdAt", "updatedAt")) {
            // A declared createdAt/updatedAt replaces the implicit one (Amplify keeps the declared type).
            if (taken.add(timestamp)) {
                fields.add(new FieldPlan(timestamp, FieldType.required(TypeRef.scalar(ScalarType.DATETIME)),
                        FieldPlan.Origin.TIMESTAMP, Optional.empty(), List.of(), Optional.empty()));
            }
        }
        // Auth fields from model rules, then from field-level rules: resolvers read them from the item.
        List<AuthRule> allRules = new ArrayList<>(rules);
        model.fields().forEach(f -> allRules.addAll(f.rules()));
        model.relationships().forEach(r -> allRules.addAll(r.rules()));
        AuthFields.implicitFields(allRules).forEach((name, type) -> {
            if (taken.add(name)) {
                fields.add(new FieldPlan(name, type, FieldPlan.Origin.AUTH, Optional.empty(), List.of(),
                        Optional.empty()));
            }
        });
        return fields;
    }

    /**
     * Amplify adds {@code id: ID!} unless an identifier is declared (or {@code id} itself is declared). Beyond Amplify,
     * a model with its own identifier still gets the implicit {@code id} when a secondary index is keyed on it (the
     * DSL's {@code model.id()} handle), so that index has an attribute to hold; creates generate it as usual.
     */
    static boolean hasImplicitId(ModelDefinition model) {
        if (model.field("id").isPresent()) {
            return false;
        }
        boolean defaultIdentifier = model.identifier().isEmpty() || model.identifier().equals(List.of("id"));
        boolean indexedById = model.indexes().stream()
                .anyMatch(i -> i.partitionKey().equals("id") || i.sortKeys().contains("id"));
        return defaultIdentifier || indexedById;
    }

    // ---- keys --------------------------------------------------------------------------------------------

    private PrimaryKeyPlan primaryKey(ModelDefinition model, List<FieldPlan> fields) {
        List<String> identifier = model.identifier().isEmpty() ? List.of("id") : model.identifier();
        String partitionKey = identifier.get(0);
        List<String> sortKeys = identifier.subList(1, identifier.size());
        return new PrimaryKeyPlan(
                partitionKey,
                sortKeys,
                new KeyAttribute(partitionKey, attributeType(fields, partitionKey)),
                sortAttribute(fields, sortKeys),
                !identifier.equals(List.of("id")));
    }

    private Optional<KeyAttribute> sortAttribute(List<FieldPlan> fields, List<String> sortKeys) {
        if (sortKeys.isEmpty()) {
            return Optional.empty();
        }
        if (sortKeys.size() == 1) {
            return Optional.of(new KeyAttribute(sortKeys.get(0), attributeType(fields, sortKeys.get(0))));
        }
        // Composite values are joined text, so the attribute is always a string.
        return Optional.of(new KeyAttribute(names.compositeAttribute(sortKeys), KeyAttribute.AttributeType.S));
    }

    /** N for numbers (Int, Float, AWSTimestamp), S for everything else (text scalars and enums). */
    static KeyAttribute.AttributeType attributeType(List<FieldPlan> fields, String fieldName) {
        return fields.stream()
                .filter(f -> f.name().equals(fieldName))
                .findFirst()
                .flatMap(f -> f.type().scalar())
                .filter(ScalarType::isNumeric)
                .map(s -> KeyAttribute.AttributeType.N)
                .orElse(KeyAttribute.AttributeType.S);
    }

    private ModelTypeNames typeNames(ModelDefinition model, PrimaryKeyPlan key) {
        String name = model.name();
        String keyName = names.keyName(Optional.empty());
        return new ModelTypeNames(
                name,
                names.connectionType(name),
                names.filterInput(name),
                names.conditionInput(name),
                names.subscriptionFilterInput(name),
                names.createInput(name),
                names.updateInput(name),
                names.deleteInput(name),
                key.hasCompositeSortKey()
                        ? Optional.of(names.compositeKeyConditionInput(name, keyName))
                        : Optional.empty(),
                key.hasCompositeSortKey() ? Optional.of(names.compositeKeyInput(name, keyName)) : Optional.empty());
    }

    // ---- operations --------------------------------------------------------------------------------------

    private Map<ModelOperationKind, String> operations(ModelDefinition model) {
        Map<ModelOperationKind, String> operations = new EnumMap<>(ModelOperationKind.class);
        String name = model.name();
        for (ModelOperationKind kind : ModelOperationKind.values()) {
            if (kind.disabledBy(model.disabledOperations())) {
                continue;
            }
            // A subscription needs its source mutation: without it there is nothing to publish.
            if (kind.sourceMutation().filter(m -> m.disabledBy(model.disabledOperations())).isPresent()) {
                continue;
            }
            operations.put(kind, switch (kind) {
                case GET -> names.getQuery(name);
                case LIST -> names.listQuery(name);
                case CREATE -> names.createMutation(name);
                case UPDATE -> names.updateMutation(name);
                case DELETE -> names.deleteMutation(name);
                case ON_CREATE -> names.onCreateSubscription(name);
                case ON_UPDATE -> names.onUpdateSubscription(name);
                case ON_DELETE -> names.onDeleteSubscription(name);
            });
        }
        return operations;
    }

    // ---- indexes and relationships -----------------------------------------------------------------------

    private IndexPlan index(ModelDefinition model, List<FieldPlan> fields, SecondaryIndexDefinition index) {
        String name = index.name()
                .orElseGet(() -> names.defaultIndexName(model.name(), index.partitionKey(), index.sortKeys()));
        Optional<String> queryField = index.query()
                ? Optional.of(index.queryField().orElseGet(() ->
                        names.defaultIndexQueryField(model.name(), index.partitionKey(), index.sortKeys())))
                : Optional.empty();
        return new IndexPlan(
                name,
                index.partitionKey(),
                index.sortKeys(),
                new KeyAttribute(index.partitionKey(), attributeType(fields, index.partitionKey())),
                sortAttribute(fields, index.sortKeys()),
                queryField,
                names.keyName(Optional.of(name)),
                index.projection());
    }

    private RelationshipPlan relationship(ModelDefinition model, RelationshipDefinition relationship) {
        if (relationship.kind() == RelationshipDefinition.Kind.BELONGS_TO) {
            List<String> relatedKey = data.model(relationship.relatedModel())
                    .map(ModelPlanner::primaryKeyFields)
                    .orElse(List.of("id"));
            return new RelationshipPlan(relationship.name(), relationship.kind(), relationship.relatedModel(),
                    relationship.references(), relatedKey, Optional.empty());
        }
        return new RelationshipPlan(relationship.name(), relationship.kind(), relationship.relatedModel(),
                relationship.references(), primaryKeyFields(model),
                Optional.of(names.relationshipIndexName(model.name(), relationship.name())));
    }

    static List<String> primaryKeyFields(ModelDefinition model) {
        return model.identifier().isEmpty() ? List.of("id") : model.identifier();
    }

    static Stream<String> keyFields(IndexPlan index) {
        return Stream.concat(Stream.of(index.partitionKey()), index.sortKeys().stream());
    }
}
