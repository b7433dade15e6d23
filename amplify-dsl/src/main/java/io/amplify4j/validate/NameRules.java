package io.amplify4j.validate;

import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.ScalarType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Naming rules shared by all categories.
 *
 * <ul>
 *   <li>GraphQL names (models, custom types, enums and their values, fields, operations, arguments):
 *       {@code [_A-Za-z][_0-9A-Za-z]*}, not starting with {@code __} (reserved for introspection).</li>
 *   <li>Resource names (backend, data, auth, storage, functions): {@code ^[a-zA-Z][a-zA-Z0-9-_ ]*$},
 *       Amplify's {@code default_resource_name_validator}.</li>
 *   <li>Group names: {@code ^[A-Za-z][A-Za-z0-9_-]{0,127}$}. Cognito itself accepts more, but group
 *       names also become IAM role names, output keys ({@code groupsAdmin}) and token claim values, where
 *       anything beyond letters, digits, {@code _} and {@code -} causes trouble.</li>
 *   <li>Secret names: {@code ^[A-Za-z0-9_./-]{1,128}$}, the characters an SSM parameter name may use,
 *       because secrets are stored as SSM parameters under a per-backend path.</li>
 * </ul>
 */
final class NameRules {
    private NameRules() {}

    static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");
    static final Pattern RESOURCE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-_ ]*");
    static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,127}");
    static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9_./-]{1,128}");

    /** Names the schema always has: root types and the AppSync scalars. */
    static final Set<String> RESERVED_TYPE_NAMES = reserved();

    /** Types the generated schema defines whatever the models are. */
    static final Set<String> FIXED_GENERATED_TYPE_NAMES = fixedGenerated();

    private static Set<String> reserved() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(List.of("Query", "Mutation", "Subscription"));
        for (ScalarType s : ScalarType.values()) {
            names.add(s.graphqlName());
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    private static Set<String> fixedGenerated() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(
                List.of("ModelSortDirection", "ModelAttributeTypes", "ModelSizeInput", "EventInvocationResponse"));
        for (String s : List.of("ID", "String", "Int", "Float", "Boolean")) {
            names.add("Model" + s + "Input");
            names.add("Model" + s + "KeyConditionInput");
            names.add("ModelSubscription" + s + "Input");
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    static boolean isGraphqlName(String name) {
        return GRAPHQL_NAME.matcher(name).matches() && !name.startsWith("__");
    }

    /** Reports {@code name} unless it is a valid GraphQL name; {@code what} is e.g. "Model" or "Field `Todo.x`". */
    static boolean checkGraphqlName(Context ctx, String place, String what, String name) {
        if (isGraphqlName(name)) {
            return true;
        }
        ctx.addf(place, "%s name %s is not a valid GraphQL name. Start with a letter or underscore, use only "
                + "letters, digits and underscores, and do not start with `__`.", what, q(name));
        return false;
    }

    /** Reports {@code name} unless it is a valid resource name (catalogue #31). */
    static void checkResourceName(Context ctx, String place, String what, String name) {
        if (!RESOURCE_NAME.matcher(name).matches()) {
            ctx.addf(place, "Resource name %s of %s contains invalid characters. Start with a letter and use "
                    + "only letters, digits, `-`, `_` and spaces.", q(name), what);
        }
    }

    static void checkSecretName(Context ctx, String place, String name) {
        if (!SECRET_NAME.matcher(name).matches()) {
            ctx.addf(place, "Secret name %s is invalid. Use 1 to 128 letters, digits, `_`, `.`, `-` or `/`.", q(name));
        }
    }

    /**
     * The types the plan generates for these models and enums, name to the definition that causes it, so that a
     * user type of the same name is caught here instead of as a duplicate type in the deployed schema.
     */
    static Map<String, String> generatedTypeNames(DataDefinition data) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ModelDefinition m : data.models()) {
            String n = m.name();
            String origin = "model " + q(n);
            for (String generated : List.of("Model" + n + "Connection", "Create" + n + "Input", "Update" + n + "Input",
                    "Delete" + n + "Input", "Model" + n + "FilterInput", "Model" + n + "ConditionInput",
                    "ModelSubscription" + n + "FilterInput")) {
                names.putIfAbsent(generated, origin);
            }
        }
        for (EnumDefinition e : data.enums()) {
            names.putIfAbsent("Model" + e.name() + "Input", "enum " + q(e.name()));
        }
        return names;
    }

    /** The operations generated for each model (list queries aside: their plural is the plan's to compute). */
    static Map<String, String> generatedOperationNames(DataDefinition data) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ModelDefinition m : data.models()) {
            String n = m.name();
            for (String op : List.of("get", "create", "update", "delete", "onCreate", "onUpdate", "onDelete")) {
                names.putIfAbsent(op + n, "model " + q(n));
            }
            m.indexes().forEach(i -> i.queryField().ifPresent(f -> names.putIfAbsent(f, "model " + q(n))));
        }
        return names;
    }

    /** Quotes a name for a message. */
    static String q(Object name) {
        return "`" + name + "`";
    }

    /** Quotes each name: [`a`, `b`]. */
    static String qList(java.util.Collection<?> names) {
        return names.stream().map(NameRules::q).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
