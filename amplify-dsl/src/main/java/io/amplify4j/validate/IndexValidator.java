package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;

import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.SecondaryIndexDefinition;
import io.amplify4j.model.data.SecondaryIndexDefinition.Projection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Secondary indexes of a model (#16, #18). Indexes are placed by name, or by position when unnamed. */
final class IndexValidator {
    private IndexValidator() {}

    /** DynamoDB's default quota of global secondary indexes per table. */
    static final int MAX_INDEXES = 20;

    static void check(Context ctx, DataDefinition data, ModelDefinition model) {
        Set<String> names = new HashSet<>();
        Set<String> queryFields = new HashSet<>();
        Set<String> ownerFields = ModelValidator.ownerFields(data, model);
        String m = q(model.name());
        if (model.indexes().size() > MAX_INDEXES) {
            ctx.addf("data." + model.name(), "Model %s has %d secondary indexes; DynamoDB allows at most %d per table. "
                    + "Remove some.", m, model.indexes().size(), MAX_INDEXES);
        }
        for (int i = 0; i < model.indexes().size(); i++) {
            SecondaryIndexDefinition index = model.indexes().get(i);
            String place = "data." + model.name() + ".indexes"
                    + index.name().map(n -> "." + n).orElse("[" + i + "]");
            index.name().filter(n -> !n.matches("[a-zA-Z0-9_.-]{3,255}")).ifPresent(n -> ctx.addf(place,
                    "Index name %s is invalid. Use 3 to 255 letters, digits, `_`, `.` or `-`.", q(n)));
            // Unnamed indexes get a default name from their keys, so two of them on the same keys collide too.
            String gsiName = NameRules.indexName(model, index);
            String label = "Index " + q(gsiName);
            if (!names.add(gsiName)) {
                ctx.addf(place, "Index %s is defined twice on model %s. Give each index its own name.", q(gsiName), m);
            }
            List<String> keys = new ArrayList<>();
            keys.add(index.partitionKey());
            keys.addAll(index.sortKeys());
            Set<String> seenKeys = new HashSet<>();
            for (String key : keys) {
                if (!seenKeys.add(key)) {
                    ctx.addf(place, "%s of model %s uses field %s more than once. Use each field once.", label, m, q(key));
                    continue;
                }
                Optional<FieldType> type = ModelValidator.fieldType(data, model, key);
                if (type.isEmpty()) {
                    ctx.addf(place, "%s of model %s uses field %s, which is not found. Declare the field or fix the "
                            + "index.", label, m, q(key));
                } else if (!ModelValidator.isKeyType(type.get())) {
                    ctx.addf(place, "%s of model %s uses field %s of type %s; index keys must be single scalar or "
                            + "enum fields (not lists, Boolean, AWSJSON or custom types). Choose another field.",
                            label, m, q(key), q(type.get().graphql()));
                }
            }
            for (String sortKey : index.sortKeys()) {
                if (ownerFields.contains(sortKey)) {
                    // Owner values are stored as "sub::username" and matched per claim: a sort key cannot do that.
                    ctx.addf(place, "Owner field %s cannot be used as a sort key of %s on model %s. Use it as the "
                            + "partition key or index another field.", q(sortKey), "index " + q(gsiName), m);
                }
            }
            checkQueryField(ctx, place, label, m, model, index, queryFields);
            checkProjection(ctx, data, model, place, label, m, index.projection(), keys);
        }
    }

    private static void checkQueryField(Context ctx, String place, String label, String m, ModelDefinition model,
            SecondaryIndexDefinition index, Set<String> queryFields) {
        index.queryField().filter(f -> !index.query()).ifPresent(f -> ctx.addf(place, "%s of model %s names the "
                + "query field %s but generates no query. Remove the query field or enable the query.", label, m, q(f)));
        index.queryField().ifPresent(f -> NameRules.checkGraphqlName(ctx, place, "Query field", f));
        NameRules.indexQueryField(model, index).ifPresent(f -> {
            if (!queryFields.add(f)) {
                ctx.addf(place, "Query field %s is used by more than one index of model %s. Give each index its own "
                        + "query field.", q(f), m);
            }
        });
    }

    private static void checkProjection(Context ctx, DataDefinition data, ModelDefinition model, String place,
            String label, String m, Projection projection, List<String> keys) {
        if (projection.type() != Projection.Type.INCLUDE) {
            if (!projection.nonKeyAttributes().isEmpty()) {
                ctx.addf(place, "%s of model %s lists non-key attributes, but only the INCLUDE projection takes them. "
                        + "Use INCLUDE or remove the attributes.", label, m);
            }
            return;
        }
        if (projection.nonKeyAttributes().isEmpty()) {
            ctx.addf(place, "%s of model %s uses the INCLUDE projection without non-key attributes. List the "
                    + "attributes to include, or use ALL or KEYS_ONLY.", label, m);
        }
        for (String attribute : projection.nonKeyAttributes()) {
            if (ModelValidator.fieldType(data, model, attribute).isEmpty()) {
                ctx.addf(place, "%s of model %s includes attribute %s, which is not a field. Declare the field or "
                        + "fix the projection.", label, m, q(attribute));
            } else if (keys.contains(attribute) || ModelValidator.identifierOf(model).contains(attribute)) {
                ctx.addf(place, "%s of model %s includes key attribute %s, which every index holds anyway. Remove it "
                        + "from the projection.", label, m, q(attribute));
            }
        }
    }
}
