package io.amplify4j.plan;

import io.amplify4j.model.Canonical;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.RelationshipDefinition.Kind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything derived from one model, derived once by {@link ModelPlanner}: the effective fields in SDL order, the
 * key, the rules that apply, the operations generated and their names, indexes and relationships.
 * Consumers (SDL, resolvers, tables, introspection, clients) read these instead of re-deriving them.
 *
 * @param definition the model as the user defined it
 * @param names the model's generated type and input names
 * @param fields the fields of the GraphQL type, in SDL order: implicit {@code id}, declared fields, relationship
 *     fields, {@code createdAt}, {@code updatedAt}, then auth fields the rules name but the user did not declare
 * @param primaryKey the primary key
 * @param rules the effective model rules: the model's own, or the schema's when it has none
 * @param operations the generated operations and their field names, in {@link ModelOperationKind} order
 * @param indexes the secondary indexes, in declaration order
 * @param relationships the relationship fields, in declaration order
 * @param tableName the DynamoDB table name: the model's explicit one, or {@link Names#tableName}
 */
public record ModelPlan(
        ModelDefinition definition,
        ModelTypeNames names,
        List<FieldPlan> fields,
        PrimaryKeyPlan primaryKey,
        List<AuthRule> rules,
        Map<ModelOperationKind, String> operations,
        List<IndexPlan> indexes,
        List<RelationshipPlan> relationships,
        String tableName) {

    public ModelPlan {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(names, "names");
        fields = Canonical.list(fields);
        Objects.requireNonNull(primaryKey, "primaryKey");
        rules = Canonical.list(rules);
        EnumMap<ModelOperationKind, String> ops = new EnumMap<>(ModelOperationKind.class);
        ops.putAll(operations);
        operations = Collections.unmodifiableMap(ops);
        indexes = Canonical.list(indexes);
        relationships = Canonical.list(relationships);
        Objects.requireNonNull(tableName, "tableName");
    }

    /** The model (and GraphQL type) name. */
    public String name() {
        return definition.name();
    }

    /** The field of that name in the GraphQL type. */
    public Optional<FieldPlan> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The field name of a generated operation, when it is generated. */
    public Optional<String> operation(ModelOperationKind kind) {
        return Optional.ofNullable(operations.get(kind));
    }

    /** True when the operation is generated. */
    public boolean has(ModelOperationKind kind) {
        return operations.containsKey(kind);
    }

    /** True when any mutation is generated (and so the condition input is used). */
    public boolean hasMutations() {
        return has(ModelOperationKind.CREATE) || has(ModelOperationKind.UPDATE) || has(ModelOperationKind.DELETE);
    }

    /** True when any subscription is generated. */
    public boolean hasSubscriptions() {
        return has(ModelOperationKind.ON_CREATE)
                || has(ModelOperationKind.ON_UPDATE)
                || has(ModelOperationKind.ON_DELETE);
    }

    /** The relationship plan of a relationship field. */
    public Optional<RelationshipPlan> relationship(String fieldName) {
        return relationships.stream().filter(r -> r.field().equals(fieldName)).findFirst();
    }

    /** The hasMany and hasOne relationships, which query a GSI on the related model's table. */
    public List<RelationshipPlan> relationshipsWithIndex() {
        return relationships.stream().filter(r -> r.kind() != Kind.BELONGS_TO).toList();
    }

    /** The fields rules name as owner fields or group fields ({@code ownerDefinedIn}, {@code groupsDefinedIn}). */
    public List<String> authFieldNames() {
        return fields.stream()
                .filter(f -> AuthFields.namedBy(rules, f.name()) || AuthFields.namedByFieldRules(fields, f.name()))
                .map(FieldPlan::name)
                .toList();
    }
}
