package io.amplify4j.plan;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields authorization rules read from items: owner fields and dynamic group fields. */
final class AuthFields {
    private AuthFields() {}

    /** The field a rule reads from the item, if any. */
    static Optional<String> fieldOf(AuthRule rule) {
        if (rule instanceof AuthRule.Owner owner) {
            return Optional.of(owner.field());
        }
        if (rule instanceof AuthRule.GroupsDefinedIn groups) {
            return Optional.of(groups.field());
        }
        return Optional.empty();
    }

    /**
     * The implicit field type Amplify gives an auth field the user did not declare: {@code String}, or
     * {@code [String]} for {@code ownersDefinedIn} and {@code groupsDefinedIn}.
     */
    static FieldType typeOf(AuthRule rule) {
        boolean multiple = rule instanceof AuthRule.Owner o ? o.multiple() : ((AuthRule.GroupsDefinedIn) rule).multiple();
        TypeRef string = TypeRef.scalar(ScalarType.STRING);
        return multiple ? new FieldType(string, true, false, false) : FieldType.of(string);
    }

    /** Auth fields named by {@code rules}, first rule first, one entry per field. */
    static Map<String, FieldType> implicitFields(List<AuthRule> rules) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (AuthRule rule : rules) {
            fieldOf(rule).ifPresent(name -> fields.putIfAbsent(name, typeOf(rule)));
        }
        return fields;
    }

    static boolean namedBy(List<AuthRule> rules, String field) {
        return rules.stream().anyMatch(r -> fieldOf(r).filter(field::equals).isPresent());
    }

    static boolean namedByFieldRules(List<FieldPlan> fields, String field) {
        return fields.stream().anyMatch(f -> namedBy(f.rules(), field));
    }
}
