package io.amplify4j.dsl;

import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.validate.Problems;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** A relationship field of a model: hasMany, hasOne or belongsTo. */
public final class RelationshipBuilder {
    private final ModelBuilder model;
    private final String name;
    private final RelationshipDefinition.Kind kind;
    private final ModelBuilder related;
    private final List<FieldRef<?>> references;
    private boolean required;
    private boolean valueRequired;
    private String description;
    private Function<FieldAllow, List<? extends Rule<FieldOperation>>> rules;

    RelationshipBuilder(
            ModelBuilder model,
            String name,
            RelationshipDefinition.Kind kind,
            ModelBuilder related,
            List<FieldRef<?>> references) {
        this.model = model;
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
        this.related = Objects.requireNonNull(related, "related");
        this.references = List.copyOf(references);
    }

    public String name() {
        return name;
    }

    /** The related item (hasOne, belongsTo) or the list (hasMany) is never null. */
    public RelationshipBuilder required() {
        this.required = true;
        return this;
    }

    /** hasMany only: the list's items are never null. */
    public RelationshipBuilder valueRequired() {
        this.valueRequired = true;
        return this;
    }

    public RelationshipBuilder description(String text) {
        this.description = Objects.requireNonNull(text, "text");
        return this;
    }

    /** Field-level rules on the relationship field; the related model's own rules still apply on traversal. */
    public RelationshipBuilder authorization(Function<FieldAllow, List<? extends Rule<FieldOperation>>> fieldRules) {
        this.rules = Objects.requireNonNull(fieldRules, "fieldRules");
        return this;
    }

    RelationshipDefinition toDefinition(String place, Problems problems) {
        related.checkSameBackend(model.backend(), place, problems);
        // The reference fields live on the child: the related model for hasMany/hasOne, this model for belongsTo.
        ModelBuilder holder = kind == RelationshipDefinition.Kind.BELONGS_TO ? model : related;
        List<String> referenceNames = holder.fieldNames(references, place + ".references", problems);
        List<io.amplify4j.model.data.AuthRule> authRules = rules == null
                ? List.of()
                : Rule.toModel(rules.apply(new FieldAllow(model, place + ".rules", problems)), place + ".rules", problems,
                        FieldOperation::toModelOperation);
        return new RelationshipDefinition(name, kind, related.name(), referenceNames, required,
                valueRequired, authRules, Optional.ofNullable(description));
    }
}
