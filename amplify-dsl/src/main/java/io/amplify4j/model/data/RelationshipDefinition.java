package io.amplify4j.model.data;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A relationship field of a model.
 *
 * @param name the field name on this model
 * @param kind hasMany, hasOne or belongsTo
 * @param relatedModel the model on the other side
 * @param references the reference fields: on the related model for hasMany and hasOne, on this model for belongsTo
 * @param required the value (hasOne, belongsTo) or the list (hasMany) is required
 * @param valueRequired hasMany only: the list's items are non-null
 * @param rules field-level authorization rules on the relationship field
 * @param description documentation carried into generated clients
 */
public record RelationshipDefinition(
        String name,
        Kind kind,
        String relatedModel,
        List<String> references,
        boolean required,
        boolean valueRequired,
        List<AuthRule> rules,
        Optional<String> description) {

    public RelationshipDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relatedModel, "relatedModel");
        references = Canonical.list(references);
        rules = Canonical.list(rules);
        Objects.requireNonNull(description, "description");
    }

    /** The kinds of relationship, named as Amplify's directives. */
    public enum Kind {
        HAS_MANY("hasMany"),
        HAS_ONE("hasOne"),
        BELONGS_TO("belongsTo");

        private final String directiveName;

        Kind(String directiveName) {
            this.directiveName = directiveName;
        }

        public String directiveName() {
            return directiveName;
        }
    }

    /** The field's type in GraphQL. */
    public FieldType type() {
        TypeRef target = new TypeRef.Model(relatedModel);
        return kind == Kind.HAS_MANY
                ? new FieldType(target, true, required, valueRequired)
                : new FieldType(target, false, required, false);
    }
}
