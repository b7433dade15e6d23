package io.amplify4j.model.data;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model: a GraphQL type backed by its own DynamoDB table, with generated queries, mutations and subscriptions.
 *
 * @param name the type name, PascalCase
 * @param fields declared fields, in declaration order (implicit fields are added by the plan)
 * @param relationships relationship fields, in declaration order
 * @param identifier the primary key fields, partition key first; empty means the implicit {@code id}
 * @param indexes secondary indexes
 * @param disabledOperations operations not generated
 * @param rules model-level rules; empty means the schema-level rules apply
 * @param tableName an explicit DynamoDB table name; the plan derives a deterministic one when absent
 * @param versionField an integer field for optimistic concurrency, when the model uses it
 * @param description documentation carried into generated clients
 */
public record ModelDefinition(
        String name,
        List<FieldDefinition> fields,
        List<RelationshipDefinition> relationships,
        List<String> identifier,
        List<SecondaryIndexDefinition> indexes,
        List<DisabledOperation> disabledOperations,
        List<AuthRule> rules,
        Optional<String> tableName,
        Optional<String> versionField,
        Optional<String> description) {

    public ModelDefinition {
        Objects.requireNonNull(name, "name");
        fields = Canonical.list(fields);
        relationships = Canonical.list(relationships);
        identifier = Canonical.list(identifier);
        indexes = Canonical.list(indexes);
        disabledOperations = Canonical.enumSet(disabledOperations);
        rules = Canonical.list(rules);
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(versionField, "versionField");
        Objects.requireNonNull(description, "description");
    }

    /** The declared field of that name. */
    public Optional<FieldDefinition> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The relationship of that name. */
    public Optional<RelationshipDefinition> relationship(String fieldName) {
        return relationships.stream().filter(r -> r.name().equals(fieldName)).findFirst();
    }
}
