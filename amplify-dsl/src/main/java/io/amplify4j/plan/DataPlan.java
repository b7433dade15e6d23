package io.amplify4j.plan;

import io.amplify4j.manifest.Json;
import io.amplify4j.model.Canonical;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.plan.resolver.DataSourcePlan;
import io.amplify4j.plan.resolver.EnvironmentVariablePlan;
import io.amplify4j.plan.resolver.ResolverPlan;
import io.amplify4j.plan.resolver.ResolverPlanner;
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
 * @param resolvers the APPSYNC_JS pipeline resolver of every generated query, mutation, subscription and relationship
 *     field and of every custom operation (see {@link io.amplify4j.plan.resolver})
 * @param dataSources the data sources the resolvers' functions name
 * @param environment the {@code ctx.env} variables the resolvers read; CDK and the sandbox set them
 * @param conversations the conversation routes, in declaration order: names, handler function, documents, tools
 */
public record DataPlan(
        DataDefinition definition,
        List<ModelPlan> models,
        List<TablePlan> tables,
        String schema,
        String modelIntrospection,
        List<ResolverPlan> resolvers,
        List<DataSourcePlan> dataSources,
        List<EnvironmentVariablePlan> environment,
        List<ConversationPlan> conversations) {

    public DataPlan {
        Objects.requireNonNull(definition, "definition");
        models = Canonical.list(models);
        tables = Canonical.list(tables);
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(modelIntrospection, "modelIntrospection");
        resolvers = Canonical.list(resolvers);
        dataSources = Canonical.list(dataSources);
        environment = Canonical.list(environment);
        conversations = Canonical.list(conversations);
    }

    /**
     * Plans the data definition of backend {@code backendName}; conversation routes are expanded first (see
     * {@link AiRoutes}), so {@link #definition()} holds the models and operations they stand for.
     */
    public static DataPlan of(DataDefinition declared, String backendName, Names names) {
        DataDefinition definition = AiRoutes.expandData(declared, names);
        ModelPlanner planner = new ModelPlanner(definition, backendName, names);
        List<ModelPlan> models = definition.models().stream().map(planner::plan).toList();
        TablePlanner tables = new TablePlanner(models, names);
        List<TablePlan> tablePlans = models.stream().map(tables::plan).toList();
        String schema = GraphqlSchemaRenderer.render(definition, models, names);
        List<ConversationPlan> conversations = new ConversationPlanner(definition, models, names).plans();
        ResolverPlanner resolvers = new ResolverPlanner(definition, models, names, conversations);
        return new DataPlan(definition, models, tablePlans, schema,
                Json.write(ModelIntrospection.of(definition, models, names)),
                resolvers.resolvers(), resolvers.dataSources(), resolvers.environment(), conversations);
    }

    /** The plan of the model of that name. */
    public Optional<ModelPlan> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The resolver of a field, {@code Type.field}. */
    public Optional<ResolverPlan> resolver(String typeName, String fieldName) {
        return resolvers.stream()
                .filter(r -> r.typeName().equals(typeName) && r.fieldName().equals(fieldName))
                .findFirst();
    }

    /** The plan of the conversation route of that name. */
    public Optional<ConversationPlan> conversation(String route) {
        return conversations.stream().filter(c -> c.route().equals(route)).findFirst();
    }

    /** The table of the model of that name. */
    public Optional<TablePlan> table(String modelName) {
        return tables.stream().filter(t -> t.model().equals(modelName)).findFirst();
    }
}
