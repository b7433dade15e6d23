package io.amplify4j.dsl;

import io.amplify4j.model.data.SecondaryIndexDefinition;
import io.amplify4j.model.data.SecondaryIndexDefinition.Projection;
import io.amplify4j.validate.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A secondary index of a model (a DynamoDB GSI) and the query that reads it. Without further settings the GSI and
 * the query get Amplify's default names, for example {@code todosByStatus} and {@code listTodoByStatus}.
 */
public final class IndexBuilder {
    private final ModelBuilder model;
    private final FieldRef<?> partitionKey;
    private final List<FieldRef<?>> sortKeys = new ArrayList<>();
    private final List<FieldRef<?>> included = new ArrayList<>();
    private String name;
    private String queryField;
    private boolean query = true;
    private Projection.Type projection = Projection.Type.ALL;

    IndexBuilder(ModelBuilder model, FieldRef<?> partitionKey) {
        this.model = model;
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
    }

    /** Sort key fields; more than one are stored as one composite attribute. */
    public IndexBuilder sortKeys(FieldRef<?>... fields) {
        sortKeys.addAll(Arrays.asList(fields));
        return this;
    }

    /** The GSI's name in DynamoDB. */
    public IndexBuilder name(String indexName) {
        this.name = Objects.requireNonNull(indexName, "indexName");
        return this;
    }

    /** The name of the generated query. */
    public IndexBuilder queryField(String fieldName) {
        this.queryField = Objects.requireNonNull(fieldName, "fieldName");
        this.query = true;
        return this;
    }

    /** No query is generated for this index; resolvers and custom handlers can still use it. */
    public IndexBuilder noQueryField() {
        this.queryField = null;
        this.query = false;
        return this;
    }

    /** The index holds only its keys and the table's keys. */
    public IndexBuilder projectKeysOnly() {
        this.projection = Projection.Type.KEYS_ONLY;
        this.included.clear();
        return this;
    }

    /** The index holds its keys, the table's keys and these fields. */
    public IndexBuilder projectInclude(FieldRef<?>... fields) {
        this.projection = Projection.Type.INCLUDE;
        this.included.addAll(Arrays.asList(fields));
        return this;
    }

    SecondaryIndexDefinition toDefinition(String place, Problems problems) {
        return new SecondaryIndexDefinition(
                model.fieldName(partitionKey, place, problems),
                model.fieldNames(sortKeys, place, problems),
                Optional.ofNullable(name),
                Optional.ofNullable(queryField),
                query,
                new Projection(projection, model.fieldNames(included, place, problems)));
    }
}
