package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;
import static io.amplify4j.validate.NameRules.qList;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One model: its fields, implicit and auth fields (#7, #8, #17), identifier (#12), rules (#1, #10), table name
 * and version field. Indexes, relationships and field values have validators of their own.
 */
final class ModelValidator {
    private ModelValidator() {}

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final FieldType IMPLICIT_ID = FieldType.required(TypeRef.scalar(ScalarType.ID));
    private static final FieldType IMPLICIT_TIMESTAMP = FieldType.required(TypeRef.scalar(ScalarType.DATETIME));

    static void check(Context ctx, DataDefinition data, ModelDefinition model) {
        String place = "data." + model.name();
        String subject = "model " + q(model.name());
        checkFields(ctx, data, model);
        checkImplicitFields(ctx, model);
        checkAuthFields(ctx, data, model);
        checkIdentifier(ctx, data, model);
        IndexValidator.check(ctx, data, model);
        for (RelationshipDefinition rel : model.relationships()) {
            RelationshipValidator.check(ctx, data, model, rel);
        }
        if (data.rulesOf(model).isEmpty()) {
            ctx.addf(place, "Model %s is missing authorization rules. Add rules to the model with authorization(...) "
                    + "or schema-level rules with data.authorization(...).", q(model.name()));
        }
        AuthRuleValidator.checkAll(ctx, data, place, subject, model.rules(), AuthRuleValidator.Scope.MODEL, false);
        checkFieldRulesLeaveRequiredReadable(ctx, model);
        checkStorageSettings(ctx, data, model);
    }

    /** The identifier, with the implicit {@code id} when none is declared. */
    static List<String> identifierOf(ModelDefinition model) {
        return model.identifier().isEmpty() ? List.of("id") : model.identifier();
    }

    /** A field's type, declared or implicit (id, timestamps, fields added by owner and group rules). */
    static Optional<FieldType> fieldType(DataDefinition data, ModelDefinition model, String name) {
        Optional<FieldDefinition> declared = model.field(name);
        if (declared.isPresent()) {
            return Optional.of(declared.get().type());
        }
        // The plan adds the implicit id when the identifier or an index keys on it.
        if (name.equals("id")) {
            return Optional.of(IMPLICIT_ID);
        }
        if (name.equals("createdAt") || name.equals("updatedAt")) {
            return Optional.of(IMPLICIT_TIMESTAMP);
        }
        Boolean list = authFields(data, model).get(name);
        if (list != null) {
            TypeRef string = TypeRef.scalar(ScalarType.STRING);
            return Optional.of(list ? new FieldType(string, true, false, false) : FieldType.of(string));
        }
        return Optional.empty();
    }

    /** Fields the owner and group-field rules of a model use, to whether the rule wants a list. */
    static Map<String, Boolean> authFields(DataDefinition data, ModelDefinition model) {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        for (AuthRule rule : allRules(data, model)) {
            if (rule instanceof AuthRule.Owner o) {
                fields.putIfAbsent(o.field(), o.multiple());
            } else if (rule instanceof AuthRule.GroupsDefinedIn g) {
                fields.putIfAbsent(g.field(), g.multiple());
            }
        }
        return fields;
    }

    /** The fields that owner rules name, which must never be sort keys (#16). */
    static Set<String> ownerFields(DataDefinition data, ModelDefinition model) {
        Set<String> fields = new HashSet<>();
        for (AuthRule rule : allRules(data, model)) {
            if (rule instanceof AuthRule.Owner o) {
                fields.add(o.field());
            }
        }
        return fields;
    }

    private static List<AuthRule> allRules(DataDefinition data, ModelDefinition model) {
        List<AuthRule> rules = new ArrayList<>(data.rulesOf(model));
        model.fields().forEach(f -> rules.addAll(f.rules()));
        model.relationships().forEach(r -> rules.addAll(r.rules()));
        return rules;
    }

    /** True for a type DynamoDB can key on: a single string, number or enum (not Boolean, not JSON). */
    static boolean isKeyType(FieldType type) {
        if (type.list()) {
            return false;
        }
        if (type.base() instanceof TypeRef.EnumType) {
            return true;
        }
        return type.scalar().filter(s -> s != ScalarType.BOOLEAN && s != ScalarType.JSON).isPresent();
    }

    private static void checkFields(Context ctx, DataDefinition data, ModelDefinition model) {
        Set<String> names = new HashSet<>();
        for (FieldDefinition f : model.fields()) {
            String place = "data." + model.name() + ".fields." + f.name();
            NameRules.checkGraphqlName(ctx, place, "Field", f.name());
            if (f.name().startsWith(NameRules.GENERATED_CODE_PREFIX)) {
                ctx.addf(place, "Field %s of model %s starts with `%s`, which the generated resolver code reserves for "
                        + "its own names (expression names, the null marker of relationship reads). Rename the field.",
                        q(f.name()), q(model.name()), NameRules.GENERATED_CODE_PREFIX);
            }
            if (!names.add(f.name())) {
                ctx.addf(place, "Field %s is declared more than once in model %s. Remove or rename one.",
                        q(f.name()), q(model.name()));
            }
            DataValidator.checkType(ctx, data, place, model.name() + "." + f.name(), f.type(),
                    DataValidator.RefUse.MODEL_FIELD);
            FieldValueRules.check(ctx, data, model, f, place);
            AuthRuleValidator.checkAll(ctx, data, place, "field " + q(model.name() + "." + f.name()), f.rules(),
                    AuthRuleValidator.Scope.FIELD, false);
        }
        Set<String> relationshipNames = new HashSet<>();
        for (RelationshipDefinition r : model.relationships()) {
            String place = "data." + model.name() + ".relationships." + r.name();
            NameRules.checkGraphqlName(ctx, place, "Relationship", r.name());
            if (names.contains(r.name())) {
                ctx.addf(place, "Relationship %s has the same name as a field of model %s. Rename one of them.",
                        q(r.name()), q(model.name()));
            }
            if (!relationshipNames.add(r.name())) {
                ctx.addf(place, "Relationship %s is declared more than once in model %s. Remove or rename one.",
                        q(r.name()), q(model.name()));
            }
            AuthRuleValidator.checkAll(ctx, data, place, "relationship " + q(model.name() + "." + r.name()),
                    r.rules(), AuthRuleValidator.Scope.FIELD, false);
        }
    }

    /** A declared field may stand in for an implicit one only with the implicit field's type (#17). */
    private static void checkImplicitFields(Context ctx, ModelDefinition model) {
        String base = "data." + model.name() + ".fields.";
        if (model.identifier().isEmpty()) {
            model.field("id").filter(f -> !f.type().isSingle(ScalarType.ID) && !f.type().isSingle(ScalarType.STRING))
                    .ifPresent(f -> ctx.addf(base + "id", "Implicit field `id` conflicts with explicit definition: "
                            + "%s is declared as %s, but the implicit primary key is `ID!`. Declare it as an ID or "
                            + "String, or rename the field.", q(model.name() + ".id"), q(f.type().graphql())));
        }
        for (String name : List.of("createdAt", "updatedAt")) {
            model.field(name).filter(f -> !f.type().isSingle(ScalarType.DATETIME))
                    .ifPresent(f -> ctx.addf(base + name, "Implicit field %s conflicts with explicit definition: %s "
                            + "is declared as %s, but the generated timestamp is `AWSDateTime!`. Declare it as "
                            + "AWSDateTime or rename the field.", q(name), q(model.name() + "." + name),
                            q(f.type().graphql())));
        }
    }

    /** Owner and group fields may be declared, but only with the type the rule needs (#7, #8, #17). */
    private static void checkAuthFields(Context ctx, DataDefinition data, ModelDefinition model) {
        Map<String, Set<Boolean>> shapes = new LinkedHashMap<>();
        Map<String, String> firstRule = new LinkedHashMap<>();
        for (AuthRule rule : allRules(data, model)) {
            String field = rule instanceof AuthRule.Owner o ? o.field()
                    : rule instanceof AuthRule.GroupsDefinedIn g ? g.field() : null;
            if (field == null) {
                continue;
            }
            boolean list = rule instanceof AuthRule.Owner o ? o.multiple() : ((AuthRule.GroupsDefinedIn) rule).multiple();
            shapes.computeIfAbsent(field, k -> new java.util.TreeSet<>()).add(list);
            firstRule.putIfAbsent(field, AuthRuleValidator.ruleName(rule));
        }
        shapes.forEach((field, lists) -> {
            String place = "data." + model.name() + ".fields." + field;
            String qualified = q(model.name() + "." + field);
            if (lists.size() > 1) {
                ctx.addf(place, "Field %s is used by one rule as a single owner or group and by another as a list. "
                        + "Use separate fields.", qualified);
                return;
            }
            if (model.relationship(field).isPresent()) {
                ctx.addf(place, "Field %s named by the %s rule is a relationship of model %s, but owner and group "
                        + "rules need a String field. Name another field.", qualified, q(firstRule.get(field)),
                        q(model.name()));
                return;
            }
            boolean list = lists.iterator().next();
            Optional<FieldDefinition> declared = model.field(field);
            if (declared.isEmpty()) {
                return;
            }
            FieldType t = declared.get().type();
            boolean stringBase = t.scalar().filter(s -> s == ScalarType.STRING || s == ScalarType.ID).isPresent();
            if (list && !(t.list() && stringBase)) {
                ctx.addf(place, "Implicit field %s conflicts with explicit definition: the %s rule needs %s to be a "
                        + "list of Strings (`[String]`), but it is declared as %s. Declare it as [String] or remove it "
                        + "so the rule adds it.", q(field), q(firstRule.get(field)), qualified, q(t.graphql()));
            } else if (!list && !(stringBase && !t.list())) {
                ctx.addf(place, "Implicit field %s conflicts with explicit definition: the %s rule needs %s to be a "
                        + "String, but it is declared as %s. Declare it as a String or remove it so the rule adds it.",
                        q(field), q(firstRule.get(field)), qualified, q(t.graphql()));
            }
        });
    }

    private static void checkIdentifier(Context ctx, DataDefinition data, ModelDefinition model) {
        String place = "data." + model.name() + ".identifier";
        Set<String> seen = new HashSet<>();
        for (String name : model.identifier()) {
            String qualified = q(model.name() + "." + name);
            if (!seen.add(name)) {
                ctx.addf(place, "Identifier of model %s lists %s twice. List each field once.", q(model.name()), q(name));
                continue;
            }
            Optional<FieldType> type = fieldType(data, model, name);
            if (type.isEmpty()) {
                ctx.addf(place, "Identifier field %s is not a field of model %s. Declare the field or fix the "
                        + "identifier.", q(name), q(model.name()));
                continue;
            }
            FieldType t = type.get();
            if (!isKeyType(t)) {
                ctx.addf(place, "Identifier field %s is %s; identifier fields must be single String, ID, number, "
                        + "AWS scalar or enum values (not lists, Boolean, AWSJSON or custom types). Change its type "
                        + "or choose another field.", qualified, q(t.graphql()));
            } else if (!t.required()) {
                ctx.addf(place, "Identifiers must reference required fields; %s is optional. Make it required.",
                        qualified);
            }
        }
    }

    /** Amplify's rule: field rules do not inherit model rules, so a required field nobody can read breaks reads. */
    private static void checkFieldRulesLeaveRequiredReadable(Context ctx, ModelDefinition model) {
        List<String> unreadable = new ArrayList<>();
        for (FieldDefinition f : model.fields()) {
            if (f.type().required() && !f.rules().isEmpty() && !grantsRead(f.rules())) {
                unreadable.add(f.name());
            }
        }
        for (RelationshipDefinition r : model.relationships()) {
            if (r.required() && !r.rules().isEmpty() && !grantsRead(r.rules())) {
                unreadable.add(r.name());
            }
        }
        if (!unreadable.isEmpty()) {
            ctx.addf("data." + model.name(), "When using field-level rules, every required field needs a rule that "
                    + "grants read; missing on model %s: %s. Add read to one of their rules or make the fields "
                    + "optional.", q(model.name()), qList(unreadable));
        }
    }

    private static boolean grantsRead(List<AuthRule> rules) {
        return rules.stream().anyMatch(r -> r.effectiveOperations().contains(ModelOperation.READ));
    }

    private static void checkStorageSettings(Context ctx, DataDefinition data, ModelDefinition model) {
        String place = "data." + model.name();
        model.versionField().ifPresent(v -> {
            Optional<FieldDefinition> declared = model.field(v);
            if (declared.isPresent() && !declared.get().type().isSingle(ScalarType.INT)) {
                ctx.addf(place + ".versionField", "Version field %s must be an Int; it is declared as %s. Declare "
                        + "it as an Int or remove it so the plan adds it.", q(model.name() + "." + v),
                        q(declared.get().type().graphql()));
            } else if (declared.isEmpty()) {
                NameRules.checkGraphqlName(ctx, place + ".versionField", "Version field", v);
            }
            if (identifierOf(model).contains(v)) {
                ctx.addf(place + ".versionField", "Version field %s is part of the identifier; a key cannot change "
                        + "on every update. Use a separate field.", q(model.name() + "." + v));
            }
        });
        model.tableName().ifPresent(t -> {
            if (!TABLE_NAME.matcher(t).matches()) {
                ctx.addf(place + ".tableName", "Table name %s is invalid. Use 3 to 255 letters, digits, `_`, `.` or "
                        + "`-`.", q(t));
            }
            for (ModelDefinition other : data.models()) {
                if (other == model) {
                    break;
                }
                if (other.tableName().filter(t::equals).isPresent()) {
                    ctx.addf(place + ".tableName", "Table name %s is already used by model %s. Give each model its "
                            + "own table.", q(t), q(other.name()));
                }
            }
        });
    }
}
