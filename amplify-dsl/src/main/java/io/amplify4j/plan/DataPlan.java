package io.amplify4j.plan;

import io.amplify4j.manifest.Json;
import io.amplify4j.model.Canonical;
import io.amplify4j.model.data.DataDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything derived from the data definition: one plan per model, one table per model, and the AppSync schema.
 *
 * @param definition the data definition as the user defined it
 * @param models the model plans, in declaration order
 * @param tables the table plans, in model declaration order
 * @param schema the AppSync SDL, without AWS scalar or directive declarations (AppSync provides them)
 * @param modelIntrospection Amplify's model introspection schema as JSON text, for {@code amplify_outputs.json}
 */
public record DataPlan(
        DataDefinition definition,
        List<ModelPlan> models,
        List<TablePlan> tables,
        String schema,
        String modelIntrospection) {

    public DataPlan {
        Objects.requireNonNull(definition, "definition");
        models = Canonical.list(models);
        tables = Canonical.list(tables);
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(modelIntrospection, "modelIntrospection");
    }

    /** Plans the data definition of backend {@code backendName}. */
    public static DataPlan of(DataDefinition definition, String backendName, Names names) {
        ModelPlanner planner = new ModelPlanner(definition, backendName, names);
        List<ModelPlan> models = definition.models().stream().map(planner::plan).toList();
        TablePlanner tables = new TablePlanner(models, names);
        List<TablePlan> tablePlans = models.stream().map(tables::plan).toList();
        String schema = GraphqlSchemaRenderer.render(definition, models, names);
        return new DataPlan(definition, models, tablePlans, schema,
                Json.write(ModelIntrospection.of(definition, models, names)));
    }

    /** The plan of the model of that name. */
    public Optional<ModelPlan> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The table of the model of that name. */
    public Optional<TablePlan> table(String modelName) {
        return tables.stream().filter(t -> t.model().equals(modelName)).findFirst();
    }
}
