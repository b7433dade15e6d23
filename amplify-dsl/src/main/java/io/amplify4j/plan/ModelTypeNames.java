package io.amplify4j.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * The generated GraphQL type and input names of one model, computed once from {@link Names}.
 *
 * @param type the model type
 * @param connection {@code ModelXConnection}
 * @param filterInput {@code ModelXFilterInput}
 * @param conditionInput {@code ModelXConditionInput}
 * @param subscriptionFilterInput {@code ModelSubscriptionXFilterInput}
 * @param createInput {@code CreateXInput}
 * @param updateInput {@code UpdateXInput}
 * @param deleteInput {@code DeleteXInput}
 * @param primaryCompositeKeyConditionInput {@code ModelXPrimaryCompositeKeyConditionInput}, when the primary key
 *     has more than one sort key field
 * @param primaryCompositeKeyInput {@code ModelXPrimaryCompositeKeyInput}, likewise
 */
public record ModelTypeNames(
        String type,
        String connection,
        String filterInput,
        String conditionInput,
        String subscriptionFilterInput,
        String createInput,
        String updateInput,
        String deleteInput,
        Optional<String> primaryCompositeKeyConditionInput,
        Optional<String> primaryCompositeKeyInput) {

    public ModelTypeNames {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(filterInput, "filterInput");
        Objects.requireNonNull(conditionInput, "conditionInput");
        Objects.requireNonNull(subscriptionFilterInput, "subscriptionFilterInput");
        Objects.requireNonNull(createInput, "createInput");
        Objects.requireNonNull(updateInput, "updateInput");
        Objects.requireNonNull(deleteInput, "deleteInput");
        Objects.requireNonNull(primaryCompositeKeyConditionInput, "primaryCompositeKeyConditionInput");
        Objects.requireNonNull(primaryCompositeKeyInput, "primaryCompositeKeyInput");
    }
}
