package io.amplify4j.plan;

import io.amplify4j.model.Canonical;
import io.amplify4j.model.data.RelationshipDefinition.Kind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A relationship field and how it is resolved.
 *
 * @param field the relationship field on this model
 * @param kind hasMany, hasOne or belongsTo
 * @param relatedModel the model on the other side
 * @param references the reference fields: on the related model for hasMany/hasOne, on this model for belongsTo
 * @param relatedKeyFields the primary key fields the references hold values of, in order: the related model's key
 *     for belongsTo, this model's key for hasMany and hasOne
 * @param indexName hasMany/hasOne only: the GSI on the related model's table the field queries
 *     ({@code gsi-<Model>.<field>}); empty for belongsTo, which gets the related item by its primary key
 */
public record RelationshipPlan(
        String field,
        Kind kind,
        String relatedModel,
        List<String> references,
        List<String> relatedKeyFields,
        Optional<String> indexName) {

    public RelationshipPlan {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relatedModel, "relatedModel");
        references = Canonical.list(references);
        relatedKeyFields = Canonical.list(relatedKeyFields);
        Objects.requireNonNull(indexName, "indexName");
    }
}
