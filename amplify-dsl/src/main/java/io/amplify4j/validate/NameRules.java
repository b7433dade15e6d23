package io.amplify4j.validate;

import io.amplify4j.model.data.CustomTypeDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.SecondaryIndexDefinition;
import io.amplify4j.plan.Names;
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

    /**
     * The prefix of the names the generated resolver modules give their own data ({@code #a4j_pk} expression names,
     * the {@code a4jNull} marker relationship reads early-return): a model field may not start with it, so an item's
     * attributes can never be mistaken for them.
     */
    static final String GENERATED_CODE_PREFIX = "a4j";

    // Declared before the sets below, which are computed from it during class initialization.
    private static final Names NAMES = Names.DEFAULT;

    /** Names the schema always has: root types and the AppSync scalars. */
    static final Set<String> RESERVED_TYPE_NAMES = reserved();

    /** Types the generated schema defines whatever the models are, named by the plan's {@link Names}. */
    static final Set<String> FIXED_GENERATED_TYPE_NAMES = fixedGenerated();

    private static Set<String> reserved() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(List.of("Query", "Mutation", "Subscription"));
        for (ScalarType s : ScalarType.values()) {
            names.add(s.graphqlName());
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    private static Set<String> fixedGenerated() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(List.of(NAMES.sortDirectionEnum(),
                NAMES.attributeTypesEnum(), NAMES.sizeInput(), "EventInvocationResponse"));
        for (ScalarType scalar : ScalarType.values()) {
            String base = Names.filterScalar(scalar);
            names.add(NAMES.scalarFilterInput(base));
            names.add(NAMES.listFilterInput(base));
            names.add(NAMES.subscriptionScalarFilterInput(base));
            names.add(NAMES.keyConditionInput(base));
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
     * The types the plan generates for these models, enums and custom types, name to the definition that causes
     * it, so that a user type of the same name is caught here instead of as a duplicate type in the deployed schema.
     */
    static Map<String, String> generatedTypeNames(DataDefinition data) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ModelDefinition m : data.models()) {
            String n = m.name();
            String origin = "model " + q(n);
            String primary = NAMES.keyName(java.util.Optional.empty());
            for (String generated : List.of(NAMES.connectionType(n), NAMES.createInput(n), NAMES.updateInput(n),
                    NAMES.deleteInput(n), NAMES.filterInput(n), NAMES.conditionInput(n),
                    NAMES.subscriptionFilterInput(n), NAMES.compositeKeyConditionInput(n, primary),
                    NAMES.compositeKeyInput(n, primary))) {
                names.putIfAbsent(generated, origin);
            }
        }
        for (EnumDefinition e : data.enums()) {
            String origin = "enum " + q(e.name());
            for (String generated : List.of(NAMES.scalarFilterInput(e.name()), NAMES.listFilterInput(e.name()),
                    NAMES.subscriptionScalarFilterInput(e.name()), NAMES.keyConditionInput(e.name()))) {
                names.putIfAbsent(generated, origin);
            }
        }
        for (CustomTypeDefinition t : data.customTypes()) {
            names.putIfAbsent(NAMES.nonModelInput(t.name()), "custom type " + q(t.name()));
        }
        return names;
    }

    /** The operations generated for each model and its indexes, operation name to the model. */
    static Map<String, String> generatedOperationNames(DataDefinition data) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ModelDefinition m : data.models()) {
            String n = m.name();
            for (String op : List.of(NAMES.getQuery(n), NAMES.listQuery(n), NAMES.createMutation(n),
                    NAMES.updateMutation(n), NAMES.deleteMutation(n), NAMES.onCreateSubscription(n),
                    NAMES.onUpdateSubscription(n), NAMES.onDeleteSubscription(n))) {
                names.putIfAbsent(op, "model " + q(n));
            }
            m.indexes().forEach(i -> indexQueryField(m, i).ifPresent(f -> names.putIfAbsent(f, "model " + q(n))));
        }
        return names;
    }

    /** The GSI name the plan gives an index: its own, or Amplify's default. */
    static String indexName(ModelDefinition model, SecondaryIndexDefinition index) {
        return index.name().orElseGet(() -> NAMES.defaultIndexName(model.name(), index.partitionKey(),
                index.sortKeys()));
    }

    /** The query the plan generates for an index, if any: its own name, or Gen 2's default. */
    static java.util.Optional<String> indexQueryField(ModelDefinition model, SecondaryIndexDefinition index) {
        if (!index.query()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(index.queryField().orElseGet(() -> NAMES.defaultIndexQueryField(model.name(),
                index.partitionKey(), index.sortKeys())));
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
