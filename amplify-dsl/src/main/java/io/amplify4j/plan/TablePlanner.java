package io.amplify4j.plan;

import io.amplify4j.model.data.SecondaryIndexDefinition.Projection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives each model's {@link TablePlan} from the model plans. A table's GSIs come from its own secondary indexes
 * and from every hasMany/hasOne whose related model it stores, since the references live in this table.
 */
final class TablePlanner {
    private final List<ModelPlan> models;
    private final Names names;

    TablePlanner(List<ModelPlan> models, Names names) {
        this.models = models;
        this.names = names;
    }

    TablePlan plan(ModelPlan model) {
        List<GsiPlan> gsis = new ArrayList<>();
        for (IndexPlan index : model.indexes()) {
            gsis.add(new GsiPlan(index.name(), index.partitionAttribute(), index.sortAttribute(), index.projection(),
                    GsiPlan.Source.SECONDARY_INDEX));
        }
        for (ModelPlan parent : models) {
            for (RelationshipPlan relationship : parent.relationshipsWithIndex()) {
                if (relationship.relatedModel().equals(model.name()) && !relationship.references().isEmpty()) {
                    gsis.add(relationshipGsi(model, relationship));
                }
            }
        }
        Map<String, KeyAttribute> attributes = new LinkedHashMap<>();
        add(attributes, model.primaryKey().partitionAttribute());
        model.primaryKey().sortAttribute().ifPresent(a -> add(attributes, a));
        for (GsiPlan gsi : gsis) {
            add(attributes, gsi.partitionKey());
            gsi.sortKey().ifPresent(a -> add(attributes, a));
        }
        return new TablePlan(
                model.name(),
                model.tableName(),
                model.primaryKey().partitionAttribute(),
                model.primaryKey().sortAttribute(),
                List.copyOf(attributes.values()),
                gsis,
                // No stream: nothing in a definition reads a table's changes. Subscriptions are fired by the mutation
                // resolvers (AppSync never reads the stream), and functions run on schedules and on auth and storage
                // events, not on model changes. A trigger on a model's changes would set NEW_AND_OLD_IMAGES here.
                Optional.empty());
    }

    /** {@code gsi-<Parent>.<field>}: first reference partitions, the rest sort (composite when several). */
    private GsiPlan relationshipGsi(ModelPlan child, RelationshipPlan relationship) {
        List<String> references = relationship.references();
        String partition = references.get(0);
        List<String> sort = references.subList(1, references.size());
        Optional<KeyAttribute> sortKey = sort.isEmpty()
                ? Optional.empty()
                : Optional.of(sort.size() == 1
                        ? new KeyAttribute(sort.get(0), ModelPlanner.attributeType(child.fields(), sort.get(0)))
                        : new KeyAttribute(names.compositeAttribute(sort), KeyAttribute.AttributeType.S));
        return new GsiPlan(
                relationship.indexName().orElseThrow(),
                new KeyAttribute(partition, ModelPlanner.attributeType(child.fields(), partition)),
                sortKey,
                Projection.all(),
                GsiPlan.Source.RELATIONSHIP);
    }

    private static void add(Map<String, KeyAttribute> attributes, KeyAttribute attribute) {
        attributes.putIfAbsent(attribute.name(), attribute);
    }
}
