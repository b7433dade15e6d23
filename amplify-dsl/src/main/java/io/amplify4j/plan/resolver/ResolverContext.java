package io.amplify4j.plan.resolver;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldValidator;
import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.model.data.FunctionDataAccess.ResourceOperation;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import io.amplify4j.plan.FieldPlan;
import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.Names;
import io.amplify4j.plan.PrimaryKeyPlan;
import io.amplify4j.plan.RelationshipPlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the generators share: the data definition, the model plans and the names, and the facts about a model that
 * modules embed as JSON constants (keys, composite attributes, defaults, validators, rules per operation).
 */
final class ResolverContext {
    final DataDefinition data;
    final List<ModelPlan> models;
    final Names names;
    /** Collects the model operations' data functions, to merge them per table once every resolver is planned. */
    final TableFunctionMerger tableFunctions = new TableFunctionMerger();

    ResolverContext(DataDefinition data, List<ModelPlan> models, Names names) {
        this.data = data;
        this.models = models;
        this.names = names;
    }

    ModelPlan model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No model " + name));
    }

    // ---- rules -------------------------------------------------------------------------------------------

    /** The model rules granting {@code kind}, plus the functions granted the operation's root type. */
    List<Map<String, Object>> operationRules(ModelPlan model, ModelOperationKind kind) {
        List<Map<String, Object>> rules = new ArrayList<>(RuleJson.of(
                model.rules().stream().filter(kind::grantedBy).toList()));
        rules.addAll(resourceRules(Optional.of(rootOperation(kind.rootType()))));
        return rules;
    }

    /**
     * The rules for reading a model below a root field (relationship fields, response filters): the rules
     * granting {@code kind}, plus every granted function (it reached this field through a root field it may call).
     */
    List<Map<String, Object>> nestedReadRules(ModelPlan model, ModelOperationKind kind) {
        List<Map<String, Object>> rules = new ArrayList<>(RuleJson.of(
                model.rules().stream().filter(kind::grantedBy).toList()));
        rules.addAll(resourceRules(Optional.empty()));
        return rules;
    }

    /** The rules of a custom operation, plus the functions granted its root type. */
    List<Map<String, Object>> customRules(CustomOperation operation) {
        List<Map<String, Object>> rules = new ArrayList<>(RuleJson.of(operation.rules()));
        rules.addAll(resourceRules(Optional.of(rootOperation(operation.type()))));
        return rules;
    }

    List<Map<String, Object>> resourceRules(Optional<ResourceOperation> needed) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (FunctionDataAccess access : data.functionAccess()) {
            if (needed.isEmpty() || access.operations().contains(needed.get())) {
                rules.add(RuleJson.resource(access));
            }
        }
        return rules;
    }

    static ResourceOperation rootOperation(CustomOperation.Type type) {
        return switch (type) {
            case QUERY -> ResourceOperation.QUERY;
            case MUTATION -> ResourceOperation.MUTATE;
            case SUBSCRIPTION -> ResourceOperation.LISTEN;
        };
    }

    /**
     * Field-level rules granting {@code operation} (create, update, read), by field, for the stored fields that
     * have rules; a field whose rules grant nothing maps to an empty list (nobody but granted functions). Functions
     * granted access are admitted as they are to the model.
     */
    Map<String, List<Map<String, Object>>> fieldRules(ModelPlan model, ModelOperation operation) {
        Map<String, List<Map<String, Object>>> out = new TreeMap<>();
        for (FieldPlan field : model.fields()) {
            if (field.rules().isEmpty() || !field.isStored()) {
                continue;
            }
            List<Map<String, Object>> rules = new ArrayList<>();
            for (AuthRule rule : field.rules()) {
                if (rule.effectiveOperations().contains(operation)) {
                    rules.add(RuleJson.of(rule));
                }
            }
            rules.addAll(resourceRules(operation == ModelOperation.READ
                    ? Optional.empty()
                    : Optional.of(ResourceOperation.MUTATE)));
            out.put(field.name(), rules);
        }
        return out;
    }

    // ---- model facts -------------------------------------------------------------------------------------

    /** The primary key: attribute names and the fields holding them. */
    Map<String, Object> primaryKey(ModelPlan model) {
        PrimaryKeyPlan key = model.primaryKey();
        Map<String, Object> json = new TreeMap<>();
        json.put("partitionKey", key.partitionKey());
        json.put("partitionAttribute", key.partitionAttribute().name());
        json.put("sortFields", key.sortKeys());
        json.put("sortAttribute", key.sortAttribute().map(a -> (Object) a.name()).orElse(null));
        return json;
    }

    /** Every composite attribute ({@code a#b}) the model's items carry: primary key, indexes, relationship GSIs. */
    List<Map<String, Object>> composites(ModelPlan model) {
        Map<String, List<String>> composites = new LinkedHashMap<>();
        if (model.primaryKey().hasCompositeSortKey()) {
            composites.put(names.compositeAttribute(model.primaryKey().sortKeys()), model.primaryKey().sortKeys());
        }
        model.indexes().stream().filter(i -> i.sortKeys().size() > 1)
                .forEach(i -> composites.putIfAbsent(names.compositeAttribute(i.sortKeys()), i.sortKeys()));
        for (ModelPlan parent : models) {
            for (RelationshipPlan relationship : parent.relationshipsWithIndex()) {
                if (relationship.relatedModel().equals(model.name()) && relationship.references().size() > 2) {
                    List<String> sort = relationship.references().subList(1, relationship.references().size());
                    composites.putIfAbsent(names.compositeAttribute(sort), sort);
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        composites.forEach((attribute, fields) -> {
            Map<String, Object> json = new TreeMap<>();
            json.put("attribute", attribute);
            json.put("fields", fields);
            out.add(json);
        });
        return out;
    }

    /** Default values by field, typed as the field is. */
    Map<String, Object> defaults(ModelPlan model) {
        Map<String, Object> out = new TreeMap<>();
        for (FieldDefinition field : model.definition().fields()) {
            field.defaultValue().ifPresent(text -> out.put(field.name(), typed(field, text)));
        }
        return out;
    }

    private static Object typed(FieldDefinition field, String text) {
        Optional<ScalarType> scalar = field.type().scalar();
        if (scalar.isPresent()) {
            switch (scalar.get()) {
                case INT, TIMESTAMP:
                    return Long.parseLong(text.trim());
                case FLOAT:
                    return new BigDecimal(text.trim());
                case BOOLEAN:
                    return Boolean.parseBoolean(text.trim());
                default:
                    return text;
            }
        }
        return text;
    }

    /** Validators of the declared fields, with their messages (the definition's, or a default naming the field). */
    List<Map<String, Object>> validators(ModelPlan model) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FieldDefinition field : model.definition().fields()) {
            for (FieldValidator validator : field.validators()) {
                Map<String, Object> json = new TreeMap<>();
                json.put("field", field.name());
                json.put("kind", validator.kind().directiveName());
                json.put("operand", operand(validator));
                json.put("message", validator.message().orElseGet(() -> defaultMessage(field.name(), validator)));
                out.add(json);
            }
        }
        return out;
    }

    private static Object operand(FieldValidator validator) {
        return switch (validator.kind()) {
            case MIN_LENGTH, MAX_LENGTH -> Integer.parseInt(validator.operand().trim());
            case GT, LT, GTE, LTE -> number(validator.operand());
            default -> validator.operand();
        };
    }

    /** A numeric operand without trailing zeros: {@code 0.0} is {@code 0}, {@code 2.50} is {@code 2.5}. */
    private static BigDecimal number(String text) {
        BigDecimal value = new BigDecimal(text.trim()).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** The message a failed check reports when the definition gives none. */
    static String defaultMessage(String field, FieldValidator validator) {
        String operand = validator.kind().isNumeric() ? number(validator.operand()).toPlainString() : validator.operand();
        return switch (validator.kind()) {
            case MIN_LENGTH -> field + " must be at least " + operand + " characters long";
            case MAX_LENGTH -> field + " must be at most " + operand + " characters long";
            case STARTS_WITH -> field + " must start with \"" + operand + "\"";
            case ENDS_WITH -> field + " must end with \"" + operand + "\"";
            case MATCHES -> field + " must match the pattern " + operand;
            case GT -> field + " must be greater than " + operand;
            case LT -> field + " must be less than " + operand;
            case GTE -> field + " must be at least " + operand;
            case LTE -> field + " must be at most " + operand;
        };
    }

    /** The timestamp fields the resolvers maintain ({@code createdAt}, {@code updatedAt}). */
    List<String> timestamps(ModelPlan model) {
        return model.fields().stream().filter(f -> f.origin() == FieldPlan.Origin.TIMESTAMP).map(FieldPlan::name)
                .toList();
    }

    /** True when creates generate {@code id} when the input has none (an ID or String {@code id} field). */
    static boolean generatesId(ModelPlan model) {
        return model.field("id")
                .filter(f -> !f.type().list())
                .flatMap(f -> f.type().scalar())
                .filter(s -> s == ScalarType.ID || s == ScalarType.STRING)
                .isPresent();
    }

    /**
     * The owner and group fields of the model's rules: callers admitted only through owner or group-field rules may
     * change an owner field only as its owner under a rule that allows owner transfer, and a group field never (else
     * a member could move an item into a group it is not in, which create refuses).
     */
    static List<String> ownerFields(ModelPlan model) {
        return model.rules().stream()
                .filter(r -> r instanceof AuthRule.Owner || r instanceof AuthRule.GroupsDefinedIn)
                .map(r -> r instanceof AuthRule.Owner o ? o.field() : ((AuthRule.GroupsDefinedIn) r).field())
                .distinct()
                .sorted()
                .toList();
    }

    /** True when a field of the type is a model (the caller cannot write it directly). */
    static boolean isModelRef(TypeRef ref) {
        return ref instanceof TypeRef.Model;
    }
}
