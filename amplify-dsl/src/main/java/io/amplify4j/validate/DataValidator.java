package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;

import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.model.data.TypeRef;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The data category: type names across models, enums and custom types, enums (#21), custom types, references
 * between types (#13), schema-level rules and function access. Models, custom operations and authorization
 * modes have validators of their own, called from here.
 */
final class DataValidator {
    private DataValidator() {}

    /** Where a type reference appears; each place allows different kinds of type. */
    enum RefUse {
        MODEL_FIELD,
        TYPE_FIELD,
        ARGUMENT,
        RETURN
    }

    static void check(Context ctx, DataDefinition data) {
        NameRules.checkResourceName(ctx, "data.name", "data", data.name());
        checkTypeNames(ctx, data);
        data.enums().forEach(e -> checkEnum(ctx, e));
        data.customTypes().forEach(t -> checkCustomType(ctx, data, t));
        data.models().forEach(m -> ModelValidator.check(ctx, data, m));
        AuthRuleValidator.checkAll(ctx, data, "data", "the schema", data.rules(), AuthRuleValidator.Scope.SCHEMA, false);
        checkFunctionAccess(ctx, data);
        AuthorizationModesValidator.check(ctx, data);
        CustomOperationValidator.check(ctx, data);
        AiRouteValidator.check(ctx, data);
    }

    /** Models, enums and custom types share one GraphQL namespace with each other and with generated types. */
    private static void checkTypeNames(Context ctx, DataDefinition data) {
        Map<String, String> places = new LinkedHashMap<>();
        // Computed once: per type name it made validation quadratic in the number of models.
        Map<String, String> generated = NameRules.generatedTypeNames(data);
        data.models().forEach(m -> checkTypeName(ctx, generated, "data." + m.name(), "Model", m.name(), places));
        data.enums().forEach(e -> checkTypeName(ctx, generated, "data.enums." + e.name(), "Enum", e.name(),
                places));
        data.customTypes().forEach(t ->
                checkTypeName(ctx, generated, "data.types." + t.name(), "Custom type", t.name(), places));
    }

    private static void checkTypeName(Context ctx, Map<String, String> generated, String place, String what,
            String name, Map<String, String> seen) {
        if (!NameRules.checkGraphqlName(ctx, place, what, name)) {
            return;
        }
        if (seen.putIfAbsent(name, place) != null) {
            ctx.addf(place, "Name %s is used by more than one model, enum or custom type. Rename one of them.",
                    q(name));
        }
        if (NameRules.RESERVED_TYPE_NAMES.contains(name)) {
            ctx.addf(place, "%s %s uses a reserved name (a GraphQL root type or an AppSync scalar). Choose another "
                    + "name.", what, q(name));
        } else if (NameRules.FIXED_GENERATED_TYPE_NAMES.contains(name)) {
            ctx.addf(place, "%s %s collides with a type the generated schema always defines. Choose another name.",
                    what, q(name));
        } else {
            String origin = generated.get(name);
            if (origin != null) {
                ctx.addf(place, "%s %s collides with the type generated for %s. Choose another name.",
                        what, q(name), origin);
            }
        }
    }

    private static void checkEnum(Context ctx, EnumDefinition e) {
        String place = "data.enums." + e.name();
        if (e.values().isEmpty()) {
            ctx.addf(place, "Enum %s has no values. Add at least one value.", q(e.name()));
        }
        Set<String> seen = new HashSet<>();
        for (String value : e.values()) {
            if (value.chars().anyMatch(Character::isWhitespace)) {
                ctx.addf(place, "Values of the enum type %s should not contain whitespace: %s. Use underscores "
                        + "instead.", q(e.name()), q(value));
            } else if (!NameRules.isGraphqlName(value)) {
                ctx.addf(place, "Value %s of enum %s is not a valid GraphQL name. Start with a letter or underscore "
                        + "and use only letters, digits and underscores.", q(value), q(e.name()));
            } else if (value.equals("true") || value.equals("false") || value.equals("null")) {
                ctx.addf(place, "Value %s of enum %s is reserved by GraphQL. Choose another value.",
                        q(value), q(e.name()));
            }
            if (!seen.add(value)) {
                ctx.addf(place, "Value %s appears more than once in enum %s. Remove the duplicate.",
                        q(value), q(e.name()));
            }
        }
    }

    private static void checkCustomType(Context ctx, DataDefinition data, CustomTypeDefinition type) {
        String place = "data.types." + type.name();
        if (type.fields().isEmpty()) {
            ctx.addf(place, "Custom type %s has no fields. Add at least one field.", q(type.name()));
        }
        Set<String> seen = new HashSet<>();
        for (FieldDefinition f : type.fields()) {
            String fieldPlace = place + ".fields." + f.name();
            NameRules.checkGraphqlName(ctx, fieldPlace, "Field", f.name());
            if (!seen.add(f.name())) {
                ctx.addf(fieldPlace, "Field %s is declared more than once in custom type %s. Remove or rename one.",
                        q(f.name()), q(type.name()));
            }
            checkType(ctx, data, fieldPlace, type.name() + "." + f.name(), f.type(), RefUse.TYPE_FIELD);
            // Defaults are filled in and field rules enforced per model item; a custom type value has neither.
            if (f.defaultValue().isPresent()) {
                ctx.addf(fieldPlace, "Field %s of custom type %s has a default value, but defaults apply to model "
                        + "fields only. Remove the default.", q(f.name()), q(type.name()));
            }
            // Validators are allowed: they check the value wherever the type is written (model field or argument).
            FieldValueRules.checkValidators(ctx, f, fieldPlace, q(type.name() + "." + f.name()));
            if (!f.rules().isEmpty()) {
                // Worded exactly as the DSL's own check, so that a DSL-built model reports it once.
                ctx.add(fieldPlace, "Fields of custom types cannot have authorization rules; a custom type is readable "
                        + "by whoever may call the operation that returns it. Remove authorization(...) from this "
                        + "field.");
            }
        }
    }

    /**
     * Checks that a type reference points at a declared type of the right kind (#13).
     *
     * @param owner how messages name the referencing element, e.g. "Todo.status"
     */
    static void checkType(Context ctx, DataDefinition data, String place, String owner, FieldType type, RefUse use) {
        TypeRef base = type.base();
        if (base instanceof TypeRef.EnumType e && data.enumType(e.name()).isEmpty()) {
            invalidRef(ctx, place, owner, e.name(), "an enum");
        } else if (base instanceof TypeRef.CustomType t && data.customType(t.name()).isEmpty()) {
            invalidRef(ctx, place, owner, t.name(), "a custom type");
        } else if (base instanceof TypeRef.Model m) {
            if (data.model(m.name()).isEmpty()) {
                invalidRef(ctx, place, owner, m.name(), "a model");
            } else if (use == RefUse.MODEL_FIELD) {
                ctx.addf(place, "Field %s refers to model %s directly. Relate models with hasMany, hasOne or "
                        + "belongsTo instead.", q(owner), q(m.name()));
            } else if (use == RefUse.TYPE_FIELD) {
                ctx.addf(place, "Cannot use .ref() to refer a model from a customType: %s refers to model %s. "
                        + "Use a custom type or an enum instead.", q(owner), q(m.name()));
            } else if (use == RefUse.ARGUMENT) {
                ctx.addf(place, "Argument %s refers to model %s, but arguments cannot be models. Use scalars, "
                        + "enums or custom types.", q(owner), q(m.name()));
            }
        }
    }

    private static void invalidRef(Context ctx, String place, String owner, String target, String kind) {
        ctx.addf(place, "Invalid ref: %s refers to %s, which is not defined. Declare %s named %s or fix the "
                + "reference.", q(owner), q(target), kind, q(target));
    }

    private static void checkFunctionAccess(Context ctx, DataDefinition data) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < data.functionAccess().size(); i++) {
            FunctionDataAccess access = data.functionAccess().get(i);
            String place = "data.functionAccess[" + i + "]";
            if (!ctx.hasFunction(access.function())) {
                ctx.addf(place, "Function %s granted access to the API is not defined. Define the function or fix "
                        + "the name.", q(access.function()));
            }
            if (access.operations().isEmpty()) {
                ctx.addf(place, "Access for function %s grants nothing. Name at least one of query, mutate or "
                        + "listen.", q(access.function()));
            }
            if (!seen.add(access.function())) {
                ctx.addf(place, "Function %s is granted access to the API more than once. Merge the grants.",
                        q(access.function()));
            }
        }
    }
}
