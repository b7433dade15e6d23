package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;
import static io.amplify4j.validate.NameRules.qList;

import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.model.data.RelationshipDefinition.Kind;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import java.util.List;
import java.util.Optional;

/**
 * Relationships (#14, #15). The child holds the reference fields (the related model for hasMany and hasOne,
 * this model for belongsTo), and they must match the parent's identifier one for one.
 */
final class RelationshipValidator {
    private RelationshipValidator() {}

    static void check(Context ctx, DataDefinition data, ModelDefinition model, RelationshipDefinition rel) {
        String place = "data." + model.name() + ".relationships." + rel.name();
        String qualified = q(model.name() + "." + rel.name());
        if (rel.valueRequired() && rel.kind() != Kind.HAS_MANY) {
            // Worded exactly as the DSL's own check, so that a DSL-built model reports it once.
            ctx.add(place, "valueRequired() applies to hasMany relationships only. Use required() instead.");
        }
        Optional<ModelDefinition> related = data.model(rel.relatedModel());
        if (related.isEmpty()) {
            ctx.addf(place, "Relationship %s refers to model %s, which is not defined. Declare the model or fix the "
                    + "name.", qualified, q(rel.relatedModel()));
            return;
        }
        boolean childIsRelated = rel.kind() != Kind.BELONGS_TO;
        ModelDefinition child = childIsRelated ? related.get() : model;
        ModelDefinition parent = childIsRelated ? model : related.get();
        if (rel.references().isEmpty()) {
            ctx.addf(place, "Relationship %s has no reference fields. Name the fields on %s that hold the identifier "
                    + "of %s.", qualified, q(child.name()), q(parent.name()));
        } else {
            checkReferences(ctx, data, place, qualified, rel, child, parent);
        }
        checkCounterpart(ctx, place, qualified, model, rel, related.get());
    }

    private static void checkReferences(Context ctx, DataDefinition data, String place, String qualified,
            RelationshipDefinition rel, ModelDefinition child, ModelDefinition parent) {
        List<String> identifier = ModelValidator.identifierOf(parent);
        if (identifier.size() != rel.references().size()) {
            ctx.addf(place, "The identifiers defined on %s must match the reference fields defined on %s for %s "
                    + "(%d vs %d). Use one reference field per identifier field of %s, in order.",
                    q(parent.name()), q(child.name()), qualified, identifier.size(), rel.references().size(),
                    q(parent.name()));
        }
        for (int i = 0; i < rel.references().size(); i++) {
            String reference = rel.references().get(i);
            Optional<FieldType> refType = ModelValidator.fieldType(data, child, reference);
            if (refType.isEmpty()) {
                ctx.addf(place, "Reference field %s must be defined on %s for relationship %s. Add the field to %s.",
                        q(reference), q(child.name()), qualified, q(child.name()));
                continue;
            }
            if (i >= identifier.size()) {
                continue;
            }
            Optional<FieldType> idType = ModelValidator.fieldType(data, parent, identifier.get(i));
            if (idType.isPresent() && !sameKeyType(refType.get(), idType.get())) {
                ctx.addf(place, "Reference field %s is %s, but identifier field %s is %s. Give them the same type "
                        + "(ID and String are interchangeable).", q(child.name() + "." + reference),
                        q(refType.get().graphql()), q(parent.name() + "." + identifier.get(i)),
                        q(idType.get().graphql()));
            }
        }
    }

    /** Same base type and list shape; required-ness may differ, and ID and String are the same stored value. */
    private static boolean sameKeyType(FieldType a, FieldType b) {
        return a.list() == b.list() && normalize(a.base()).equals(normalize(b.base()));
    }

    private static TypeRef normalize(TypeRef t) {
        return t instanceof TypeRef.Scalar s && s.scalar() == ScalarType.ID ? TypeRef.scalar(ScalarType.STRING) : t;
    }

    private static void checkCounterpart(Context ctx, String place, String qualified, ModelDefinition model,
            RelationshipDefinition rel, ModelDefinition related) {
        boolean found = related.relationships().stream().anyMatch(other ->
                other.relatedModel().equals(model.name())
                        && other.references().equals(rel.references())
                        && (rel.kind() == Kind.BELONGS_TO) == (other.kind() != Kind.BELONGS_TO));
        if (found) {
            return;
        }
        String wanted = rel.kind() == Kind.BELONGS_TO ? "a hasMany or hasOne" : "a belongsTo";
        ctx.addf(place, "Cannot find counterpart to relationship definition for %s. Add %s relationship to %s on %s "
                + "with references %s.", qualified, wanted, q(model.name()), q(related.name()),
                qList(rel.references()));
    }
}
