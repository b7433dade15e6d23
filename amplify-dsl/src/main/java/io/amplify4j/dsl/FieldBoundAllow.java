package io.amplify4j.dsl;

import io.amplify4j.validate.Problems;
import java.util.Objects;

/**
 * Rules whose owner or group fields are handles on fields of the model being defined.
 *
 * @param <O> the operations the rules can be limited to
 */
public abstract class FieldBoundAllow<O extends Enum<O>> extends AllowBase<O> {
    private final FieldContainer<?> model;
    private final String place;
    private final Problems problems;

    FieldBoundAllow(FieldContainer<?> model, String place, Problems problems) {
        this.model = model;
        this.place = place;
        this.problems = problems;
    }

    /** The owner named in {@code field}, a String field of this model. */
    public OwnerRule<O> ownerDefinedIn(FieldRef<String> field) {
        return new OwnerRule<>(own(field), false);
    }

    /** Any of the owners listed in {@code field}, a String list field of this model. */
    public OwnerRule<O> ownersDefinedIn(ListField<String> field) {
        return new OwnerRule<>(own(field), true);
    }

    /** Members of the group named in {@code field}, a String field of this model. */
    public GroupRule<O> groupDefinedIn(FieldRef<String> field) {
        return GroupRule.definedIn(own(field), false);
    }

    /** Members of any group listed in {@code field}, a String list field of this model. */
    public GroupRule<O> groupsDefinedIn(ListField<String> field) {
        return GroupRule.definedIn(own(field), true);
    }

    private String own(FieldRef<?> field) {
        Objects.requireNonNull(field, "field");
        if (field.owner() != model) {
            problems.add(place, "Field `" + field + "` belongs to " + field.owner().describe() + ", not to "
                    + model.describe() + ". Rules of `" + model.name() + "` can only name its own fields.");
        }
        return field.name();
    }
}
