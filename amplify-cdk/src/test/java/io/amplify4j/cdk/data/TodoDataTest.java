package io.amplify4j.cdk.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.model.BackendModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The todo backend: API key plus user pool, one model, sandbox profile. One synthesis for every assertion. */
class TodoDataTest {
    static AmplifyData data;
    static io.amplify4j.plan.DataPlan plan;
    static Template root;
    static Template models;
    static software.amazon.awscdk.assertions.Annotations annotations;

    @BeforeAll
    static void synthesize() {
        BackendModel model = new TodoBackend().define();
        DataStacks.Synthesized synthesized = DataStacks.synthesize(model, (stack, b) -> { });
        data = synthesized.data();
        plan = io.amplify4j.plan.BackendPlan.of(model).data().orElseThrow();
        root = Template.fromStack(synthesized.stack());
        annotations = software.amazon.awscdk.assertions.Annotations.fromStack(synthesized.stack());
        models = Template.fromStack(data.shards().get(1));
    }

    @Test
    void one_shard_holds_the_model() {
        assertThat(data.shards()).containsOnlyKeys(1);
        assertThat(data.placement()).containsExactly(Map.entry("Todo", 1));
    }

    @Test
    void table() {
        models.resourceCountIs("AWS::DynamoDB::Table", 1);
        models.hasResource("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Delete",
                "Properties", Map.of(
                        "TableName", "todo-Todo",
                        "BillingMode", "PAY_PER_REQUEST",
                        "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                        "SSESpecification", Map.of("SSEEnabled", true),
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        "DeletionProtectionEnabled", false)));
    }

    @Test
    void the_schema_is_the_plans_sdl_inline() {
        root.hasResourceProperties("AWS::AppSync::GraphQLSchema", Map.of("Definition", plan.schema()));
    }

    @Test
    void sandbox_api_keeps_introspection_and_has_no_query_limits() {
        root.hasResourceProperties("AWS::AppSync::GraphQLApi", Map.of(
                "Name", "todo-amplifyData",
                "AuthenticationType", "AMAZON_COGNITO_USER_POOLS",
                "AdditionalAuthenticationProviders", List.of(Map.of("AuthenticationType", "API_KEY")),
                "IntrospectionConfig", "ENABLED",
                "QueryDepthLimit", Match.absent(),
                "ResolverCountLimit", Match.absent()));
        root.hasResource("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Delete"));
    }

    @Test
    void the_none_data_source_serves_auth_functions_and_subscriptions() {
        root.hasResourceProperties("AWS::AppSync::DataSource", Map.of("Name", "NONE", "Type", "NONE"));
        models.hasResourceProperties("AWS::AppSync::FunctionConfiguration", Map.of(
                "DataSourceName", Match.objectLike(Map.of()),
                "Runtime", Map.of("Name", "APPSYNC_JS", "RuntimeVersion", "1.0.0"),
                "Code", plan.resolver("Query", "getTodo").orElseThrow().functions().get(0).code()));
    }

    @Test
    void the_tables_data_source_may_do_exactly_what_the_crud_functions_do() {
        String table = models.findResources("AWS::DynamoDB::Table").keySet().iterator().next();
        models.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(Map.of(
                "PolicyName", "table-access",
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Action", List.of("dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem",
                                "dynamodb:Scan", "dynamodb:UpdateItem"),
                        "Resource", List.of(Map.of("Fn::GetAtt", List.of(table, "Arn"))))))))));
        models.hasResourceProperties("AWS::AppSync::DataSource", Map.of(
                "Name", "TodoTable",
                "Type", "AMAZON_DYNAMODB",
                "DynamoDBConfig", Map.of("TableName", Map.of("Ref", table), "AwsRegion", "eu-west-1")));
    }

    @Test
    void identical_auth_functions_are_one_appsync_function() {
        long distinctAuth = plan.resolvers().stream().flatMap(r -> r.functions().stream())
                .filter(f -> f.role() == io.amplify4j.plan.resolver.PipelineFunctionPlan.Role.AUTH)
                .map(f -> f.code()).distinct().count();
        // The table's reads share one data function and its writes another.
        models.resourceCountIs("AWS::AppSync::FunctionConfiguration", (int) (distinctAuth + 2));
        assertThat(data.functions().get("QueryGetTodoAuth")).isSameAs(data.functions().get("QueryListTodosAuth"));
    }

    @Test
    void the_tables_reads_and_writes_are_one_appsync_function_each() {
        assertThat(data.functions()).containsKeys("TodoTableRead", "TodoTableWrite")
                .doesNotContainKeys("QueryGetTodoData", "MutationCreateTodoData");
        models.resourceCountIs("AWS::AppSync::Resolver", plan.resolvers().size());
        for (String name : List.of("TodoTableRead", "TodoTableWrite")) {
            String code = plan.resolvers().stream().flatMap(r -> r.functions().stream())
                    .filter(f -> f.name().equals(name)).findFirst().orElseThrow().code();
            models.hasResourceProperties("AWS::AppSync::FunctionConfiguration", Map.of(
                    "Name", name,
                    "DataSourceName", Match.objectLike(Map.of()),
                    "Code", code));
        }
        String read = models.findResources("AWS::AppSync::FunctionConfiguration",
                Map.of("Properties", Map.of("Name", "TodoTableRead"))).keySet().iterator().next();
        for (String field : List.of("getTodo", "listTodos")) {
            models.hasResourceProperties("AWS::AppSync::Resolver", Map.of(
                    "FieldName", field,
                    "PipelineConfig", Map.of("Functions", Match.arrayWith(List.of(
                            Map.of("Fn::GetAtt", List.of(read, "FunctionId")))))));
        }
    }

    @Test
    void the_missing_lock_file_is_a_warning() {
        annotations.hasWarning("/Backend/Data", Match.stringLikeRegexp("No lock file is configured.*"));
    }
}
