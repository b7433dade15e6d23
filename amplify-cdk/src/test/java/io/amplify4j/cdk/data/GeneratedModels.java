package io.amplify4j.cdk.data;

import static io.amplify4j.model.data.ModelOperation.READ;

import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.StringField;
import io.amplify4j.model.BackendModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The scale fixture: {@code count} models, each owned by its creator and readable with the API key, and every fifth
 * model belonging to the model before it (a hasMany/belongsTo pair, so the related table gains a GSI).
 */
final class GeneratedModels {
    private GeneratedModels() {}

    /** The name of model {@code i} (from 1): {@code Item001}. */
    static String name(int i) {
        return String.format("Item%03d", i);
    }

    /** A backend {@code scale} with models 1 to {@code count}. */
    static BackendModel backend(int count) {
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            order.add(i);
        }
        return backend(order);
    }

    /** A backend whose models are declared in {@code order} (model numbers). */
    static BackendModel backend(List<Integer> order) {
        BackendBuilder backend = Backend.builder("scale");
        backend.auth().loginWithEmail();
        backend.data().authorizationModes(modes -> modes.apiKey(30));
        java.util.Map<Integer, ModelBuilder> models = new java.util.HashMap<>();
        for (int i : order) {
            ModelBuilder model = backend.data().model(name(i));
            model.string("title").required();
            model.string("notes");
            model.integer("rank");
            model.authorization(allow -> List.of(allow.owner(), allow.publicApiKey().to(READ)));
            models.put(i, model);
        }
        for (int i : order) {
            if (i % 5 == 0 && models.containsKey(i - 1)) {
                ModelBuilder child = models.get(i);
                ModelBuilder parent = models.get(i - 1);
                StringField parentId = child.id("parentId");
                child.belongsTo("parent", parent, parentId);
                parent.hasMany("children", child, parentId);
            }
        }
        return backend.build();
    }
}
