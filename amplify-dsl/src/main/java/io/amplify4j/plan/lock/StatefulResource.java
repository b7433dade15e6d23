package io.amplify4j.plan.lock;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.amplify4j.model.Canonical;
import io.amplify4j.plan.KeyAttribute;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource that holds data, described by exactly the properties whose change makes CloudFormation replace it
 * (and so lose the data): computed from the plan, compared against the lock file's copy before synthesis.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StatefulResource.Table.class, name = "table"),
    @JsonSubTypes.Type(value = StatefulResource.Bucket.class, name = "bucket"),
    @JsonSubTypes.Type(value = StatefulResource.UserPool.class, name = "userPool")
})
public sealed interface StatefulResource {

    /** The resource's place in the definition, as messages name it: {@code data.Todo}, {@code storage.media}. */
    String place();

    /**
     * A model's DynamoDB table. Its key schema and name force replacement; a GSI is added or removed in place, one
     * per deployment.
     *
     * @param model the model stored in it
     * @param resourceId the construct id its resources live under; the model's name, or the name it had before an
     *     allowed rename, so that a renamed model keeps its table (its logical id does not change)
     * @param tableName the table's name
     * @param partitionKey the hash key
     * @param sortKey the range key
     * @param indexes the global secondary indexes, sorted by name
     */
    record Table(
            String model,
            String resourceId,
            String tableName,
            KeyAttribute partitionKey,
            Optional<KeyAttribute> sortKey,
            List<Index> indexes) implements StatefulResource {
        public Table {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(resourceId, "resourceId");
            Objects.requireNonNull(tableName, "tableName");
            Objects.requireNonNull(partitionKey, "partitionKey");
            Objects.requireNonNull(sortKey, "sortKey");
            indexes = indexes.stream().sorted(java.util.Comparator.comparing(Index::name)).toList();
        }

        @Override
        public String place() {
            return "data." + model;
        }

        /** {@code id:S} or {@code customerId:S, createdAt:S}. */
        public String keyText() {
            return partitionKey.name() + ":" + partitionKey.type()
                    + sortKey.map(k -> ", " + k.name() + ":" + k.type()).orElse("");
        }
    }

    /**
     * A global secondary index: a change of any property is a removal plus an addition.
     *
     * @param name the index name
     * @param partitionKey the hash key
     * @param sortKey the range key
     * @param projection {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE a,b}
     */
    record Index(String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey, String projection) {
        public Index {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(partitionKey, "partitionKey");
            Objects.requireNonNull(sortKey, "sortKey");
            Objects.requireNonNull(projection, "projection");
        }
    }

    /**
     * An S3 bucket: it is replaced when its logical id (the storage's name) or its explicit name changes.
     *
     * @param storage the storage's name in the definition
     * @param bucketName the explicit bucket name, when the construct sets one
     */
    record Bucket(String storage, Optional<String> bucketName) implements StatefulResource {
        public Bucket {
            Objects.requireNonNull(storage, "storage");
            Objects.requireNonNull(bucketName, "bucketName");
        }

        @Override
        public String place() {
            return "storage." + storage;
        }
    }

    /**
     * The Cognito user pool, described by the settings Cognito cannot change on an existing pool (sign-in
     * attributes, case sensitivity, required attributes) and its custom attributes, which can be added but never
     * removed or changed.
     *
     * @param name the auth resource's name
     * @param signInAttributes the attributes users sign in with ({@code email}, {@code phone_number}), sorted
     * @param caseSensitiveUsernames whether user names are case sensitive
     * @param requiredAttributes the standard attributes every user must have, sorted
     * @param customAttributes the custom attributes, sorted by name
     */
    record UserPool(
            String name,
            List<String> signInAttributes,
            boolean caseSensitiveUsernames,
            List<String> requiredAttributes,
            List<CustomAttribute> customAttributes) implements StatefulResource {
        public UserPool {
            Objects.requireNonNull(name, "name");
            signInAttributes = Canonical.sortedStrings(signInAttributes);
            requiredAttributes = Canonical.sortedStrings(requiredAttributes);
            customAttributes = customAttributes.stream()
                    .sorted(java.util.Comparator.comparing(CustomAttribute::name)).toList();
        }

        @Override
        public String place() {
            return "auth";
        }
    }

    /** A custom attribute of the user pool, {@code custom:<name>}. */
    record CustomAttribute(String name, String dataType, boolean mutable, Optional<Integer> min,
            Optional<Integer> max) {
        public CustomAttribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dataType, "dataType");
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
        }

        /** {@code STRING mutable min=1 max=20}. */
        public String describe() {
            return dataType + (mutable ? " mutable" : " immutable") + min.map(m -> " min=" + m).orElse("")
                    + max.map(m -> " max=" + m).orElse("");
        }
    }
}
