package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.DisabledOperation;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.validate.Problems;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A model: a type stored in its own DynamoDB table with generated queries, mutations and subscriptions.
 * The builder is also the handle relationships and custom operations use to refer to the model.
 */
public final class ModelBuilder extends FieldContainer<ModelBuilder> {
    private final ImplicitField<String> id = new ImplicitField<>(this, "id");
    private final ImplicitField<OffsetDateTime> createdAt = new ImplicitField<>(this, "createdAt");
    private final ImplicitField<OffsetDateTime> updatedAt = new ImplicitField<>(this, "updatedAt");
    private final List<FieldRef<?>> identifier = new ArrayList<>();
    private final List<IndexBuilder> indexes = new ArrayList<>();
    private final List<RelationshipBuilder> relationships = new ArrayList<>();
    private final List<DisabledOperation> disabled = new ArrayList<>();
    private Function<ModelAllow, List<? extends Rule<ModelOperation>>> rules;
    private String tableName;
    private IntField versionField;

    ModelBuilder(BackendBuilder backend, String name) {
        super(backend, name);
    }

    /** The implicit {@code id: ID!} primary key, present when no {@link #identifier} is declared. */
    public ImplicitField<String> id() {
        return id;
    }

    /** The implicit {@code createdAt: AWSDateTime!} every model has. */
    public ImplicitField<OffsetDateTime> createdAt() {
        return createdAt;
    }

    /** The implicit {@code updatedAt: AWSDateTime!} every model has. */
    public ImplicitField<OffsetDateTime> updatedAt() {
        return updatedAt;
    }

    /**
     * The primary key: the partition key field, then sort key fields. All must be required fields of this model.
     * Changing it later replaces the table, which the synthesizer refuses unless told otherwise.
     */
    public ModelBuilder identifier(FieldRef<?> partitionKey, FieldRef<?>... sortKeys) {
        identifier.clear();
        identifier.add(Objects.requireNonNull(partitionKey, "partitionKey"));
        identifier.addAll(Arrays.asList(sortKeys));
        return this;
    }

    /** Adds a secondary index on {@code partitionKey}, configured through the returned builder. */
    public IndexBuilder secondaryIndex(FieldRef<?> partitionKey) {
        IndexBuilder index = new IndexBuilder(this, partitionKey);
        indexes.add(index);
        return index;
    }

    /** Adds a secondary index on {@code partitionKey}, configured by {@code configure}. */
    public ModelBuilder secondaryIndex(FieldRef<?> partitionKey, Consumer<IndexBuilder> configure) {
        configure.accept(secondaryIndex(partitionKey));
        return this;
    }

    /**
     * A one-to-many relationship: {@code related} holds {@code references}, the fields that store this model's
     * identifier. The related model must declare the matching {@link #belongsTo}.
     */
    public RelationshipBuilder hasMany(String fieldName, ModelBuilder related, FieldRef<?>... references) {
        return relationship(fieldName, RelationshipDefinition.Kind.HAS_MANY, related, references);
    }

    /** A one-to-one relationship whose reference fields live on {@code related}. */
    public RelationshipBuilder hasOne(String fieldName, ModelBuilder related, FieldRef<?>... references) {
        return relationship(fieldName, RelationshipDefinition.Kind.HAS_ONE, related, references);
    }

    /** The other side of hasMany or hasOne: {@code references} are fields of this model. */
    public RelationshipBuilder belongsTo(String fieldName, ModelBuilder related, FieldRef<?>... references) {
        return relationship(fieldName, RelationshipDefinition.Kind.BELONGS_TO, related, references);
    }

    private RelationshipBuilder relationship(
            String fieldName, RelationshipDefinition.Kind kind, ModelBuilder related, FieldRef<?>... references) {
        RelationshipBuilder relationship = new RelationshipBuilder(this, fieldName, kind, related, List.of(references));
        relationships.add(relationship);
        return relationship;
    }

    /** Operations not to generate: coarse ({@code QUERIES}, {@code MUTATIONS}, {@code SUBSCRIPTIONS}) or single. */
    public ModelBuilder disableOperations(DisabledOperation... operations) {
        disabled.addAll(Arrays.asList(operations));
        return this;
    }

    /**
     * The model's rules; they replace the schema-level rules for this model. Example:
     * {@code .authorization(allow -> List.of(allow.owner(), allow.publicApiKey().to(ModelOperation.READ)))}.
     */
    public ModelBuilder authorization(Function<ModelAllow, List<? extends Rule<ModelOperation>>> modelRules) {
        this.rules = Objects.requireNonNull(modelRules, "modelRules");
        return this;
    }

    /** An explicit DynamoDB table name instead of the deterministic default. */
    public ModelBuilder tableName(String name) {
        this.tableName = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Optimistic concurrency: updates and deletes must name the current value of this field, which they bump. */
    public ModelBuilder versionField(IntField field) {
        this.versionField = Objects.requireNonNull(field, "field");
        return this;
    }

    String fieldName(FieldRef<?> field, String place, Problems problems) {
        if (field.owner() != this) {
            problems.add(place, "Field `" + field + "` belongs to " + field.owner().describe() + ", not to model `"
                    + name() + "`. Use a field declared on `" + name() + "`.");
        }
        return field.name();
    }

    List<String> fieldNames(Collection<? extends FieldRef<?>> refs, String place, Problems problems) {
        return refs.stream().map(f -> fieldName(f, place, problems)).toList();
    }

    ModelDefinition toDefinition(Problems problems) {
        String place = "data." + name();
        List<AuthRule> authRules = rules == null
                ? List.of()
                : Rule.toModel(rules.apply(new ModelAllow(this, place + ".rules", problems)), place + ".rules", problems, op -> op);
        List<IndexBuilder> indexList = indexes;
        return new ModelDefinition(
                name(),
                fieldDefinitions(place, problems),
                relationships.stream()
                        .map(r -> r.toDefinition(place + ".relationships." + r.name(), problems))
                        .toList(),
                fieldNames(identifier, place + ".identifier", problems),
                java.util.stream.IntStream.range(0, indexList.size())
                        .mapToObj(i -> indexList.get(i).toDefinition(place + ".indexes[" + i + "]", problems))
                        .toList(),
                disabled,
                authRules,
                Optional.ofNullable(tableName),
                Optional.ofNullable(versionField).map(f -> fieldName(f, place + ".versionField", problems)),
                Optional.ofNullable(description));
    }

    @Override
    public String describe() {
        return "model `" + name() + "`";
    }
}
