package io.amplify4j.cdk.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.model.BackendModel;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The shop: production profile, every authorization mode, composite keys, indexes, a Lambda-backed query, a custom
 * JS mutation and identity-pool rules. One synthesis for every assertion.
 */
class ShopDataTest {
    static final Path PROJECT = Path.of("src/test/resources/shop-project");

    static DataPlan plan;
    static AmplifyData data;
    static Template root;
    static Template models;
    static Annotations annotations;

    @BeforeAll
    static void synthesize() {
        BackendModel model = new ShopBackend().define();
        plan = BackendPlan.of(model).data().orElseThrow();
        DataStacks.Synthesized synthesized = DataStacks.synthesize(model, (stack, b) -> b.projectDirectory(PROJECT));
        data = synthesized.data();
        root = Template.fromStack(synthesized.stack());
        models = Template.fromStack(data.shards().get(1));
        annotations = Annotations.fromStack(synthesized.stack());
    }

    @Test
    void the_api_has_every_configured_authorization_mode() {
        root.hasResourceProperties("AWS::AppSync::GraphQLApi", Map.of(
                "Name", "shop-amplifyData",
                "AuthenticationType", "AMAZON_COGNITO_USER_POOLS",
                "UserPoolConfig", Map.of("UserPoolId", "eu-west-1_TESTPOOL", "AwsRegion", "eu-west-1",
                        "DefaultAction", "ALLOW", "AppIdClientRegex", "testclientid"),
                "AdditionalAuthenticationProviders", List.of(
                        Map.of("AuthenticationType", "API_KEY"),
                        Map.of("AuthenticationType", "AWS_IAM"),
                        Map.of("AuthenticationType", "OPENID_CONNECT",
                                "OpenIDConnectConfig", Map.of("Issuer", "https://login.partners.example.com",
                                        "ClientId", "shop")),
                        Map.of("AuthenticationType", "AWS_LAMBDA",
                                "LambdaAuthorizerConfig", Map.of(
                                        "AuthorizerUri", "arn:aws:lambda:eu-west-1:123456789012:function:partnerAuthorizer",
                                        "AuthorizerResultTtlInSeconds", 300)))));
    }

    @Test
    void production_turns_introspection_off_and_limits_depth_logs_and_traces() {
        root.hasResourceProperties("AWS::AppSync::GraphQLApi", Map.of(
                "IntrospectionConfig", "DISABLED",
                "QueryDepthLimit", 20,
                "XrayEnabled", true,
                "LogConfig", Map.of("FieldLogLevel", "ERROR", "ExcludeVerboseContent", false,
                        "CloudWatchLogsRoleArn", Match.anyValue())));
        root.hasResource("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Retain",
                "Properties", Map.of("RetentionInDays", 30)));
        root.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyName", "appsync-logs",
                "PolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        "Effect", "Allow")))));
    }

    @Test
    void resolver_environment_is_filled_from_the_props() {
        root.hasResourceProperties("AWS::AppSync::GraphQLApi", Map.of("EnvironmentVariables", Map.of(
                "AMPLIFY_IDENTITY_POOL_ID", "eu-west-1:11111111-2222-3333-4444-555555555555",
                "AMPLIFY_USER_POOL_ISSUER", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TESTPOOL",
                "AMPLIFY_FUNCTION_ROLE_ARN_RESTOCK", "arn:aws:iam::123456789012:role/fn-restock")));
    }

    @Test
    void api_key_expires_thirty_days_after_the_synthesis_hour() {
        long expires = Instant.parse("2026-11-26T10:00:00Z").plusSeconds(30L * 86_400).getEpochSecond();
        root.hasResourceProperties("AWS::AppSync::ApiKey", Map.of("Expires", expires));
    }

    @Test
    void production_tables_are_retained_and_protected() {
        models.resourceCountIs("AWS::DynamoDB::Table", plan.tables().size());
        models.allResources("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain",
                "Properties", Map.of(
                        "BillingMode", "PAY_PER_REQUEST",
                        "DeletionProtectionEnabled", true,
                        "SSESpecification", Map.of("SSEEnabled", true),
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        // Nothing reads the tables' changes (subscriptions come from the mutation resolvers).
                        "StreamSpecification", Match.absent())));
    }

    @Test
    void tables_carry_the_plans_keys_and_indexes() {
        models.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "shop-Order",
                "KeySchema", List.of(Map.of("AttributeName", "customerId", "KeyType", "HASH"),
                        Map.of("AttributeName", "createdAt", "KeyType", "RANGE"))));
        models.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "shop-Product",
                "KeySchema", List.of(Map.of("AttributeName", "sku", "KeyType", "HASH")),
                "GlobalSecondaryIndexes", Match.arrayWith(List.of(Map.of(
                        "IndexName", plan.table("Product").orElseThrow().globalSecondaryIndexes().get(0).name(),
                        "KeySchema", Match.anyValue(),
                        "Projection", Map.of("ProjectionType", "ALL"))))));
    }

    @Test
    void table_data_sources_may_do_only_what_their_functions_do() {
        // Product: get, list (explicit key: Query and Scan), index query, create, update, delete, the
        // relationships that read it, and the custom adjustStock module (any item operation).
        String productRole = logicalId(models, "AWS::IAM::Role", "Lets the ProductTable data source");
        Map<String, Object> role = models.findResources("AWS::IAM::Role").get(productRole);
        String policy = io.amplify4j.manifest.Json.write(role);
        assertThat(policy).contains("dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem")
                .doesNotContain("dynamodb:*", "\"*\"", "DeleteTable", "CreateTable");
        String categoryRole = logicalId(models, "AWS::IAM::Role", "Lets the CategoryTable data source");
        String category = io.amplify4j.manifest.Json.write(models.findResources("AWS::IAM::Role").get(categoryRole));
        assertThat(category).contains("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:DeleteItem", "dynamodb:Scan").doesNotContain("BatchGetItem", "/index/");
    }

    @Test
    void data_source_roles_are_assumed_only_by_appsync_of_this_account() {
        models.allResourcesProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of(
                "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "appsync.amazonaws.com"),
                        "Action", "sts:AssumeRole",
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012")))))));
    }

    @Test
    void function_backed_query_has_a_lambda_data_source_that_may_only_invoke_it() {
        root.hasResourceProperties("AWS::AppSync::DataSource", Map.of(
                "Name", "FnRecommend",
                "Type", "AWS_LAMBDA",
                "LambdaConfig", Map.of("LambdaFunctionArn", "arn:aws:lambda:eu-west-1:123456789012:function:recommend")));
        root.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(Map.of(
                "PolicyName", "invoke",
                "PolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", List.of("lambda:InvokeFunction"),
                        "Resource", List.of("arn:aws:lambda:eu-west-1:123456789012:function:recommend"))))))));
        assertThat(data.resolvers().get("Query.recommendProducts")).isNotNull();
    }

    @Test
    void lambda_authorizer_may_be_invoked_by_this_api_only() {
        root.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "Principal", "appsync.amazonaws.com",
                "FunctionName", "arn:aws:lambda:eu-west-1:123456789012:function:partnerAuthorizer",
                "SourceArn", Map.of("Fn::GetAtt", List.of(logicalId(root, "AWS::AppSync::GraphQLApi", null), "Arn"))));
    }

    @Test
    void identity_pool_roles_and_granted_functions_get_only_their_root_types() {
        String api = logicalId(root, "AWS::AppSync::GraphQLApi", null);
        Map<String, Object> arn = Map.of("Fn::GetAtt", List.of(api, "Arn"));
        root.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "Roles", List.of("guest"),
                "PolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Action", "appsync:GraphQL",
                        "Effect", "Allow",
                        "Resource", List.of(
                                Map.of("Fn::Join", List.of("", List.of(arn, "/types/Query/*"))),
                                Map.of("Fn::Join", List.of("", List.of(arn, "/types/Subscription/*")))))))));
        root.hasResourceProperties("AWS::IAM::Policy", Map.of("Roles", List.of("authenticated")));
        root.hasResourceProperties("AWS::IAM::Policy", Map.of("Roles", List.of("fn-restock")));
    }

    @Test
    void every_resolver_of_the_plan_is_a_pipeline_in_appsync_js() {
        assertThat(data.resolvers().keySet()).containsExactlyElementsOf(
                plan.resolvers().stream().map(r -> r.coordinate()).toList());
        models.allResourcesProperties("AWS::AppSync::Resolver", Map.of(
                "Kind", "PIPELINE",
                "Runtime", Map.of("Name", "APPSYNC_JS", "RuntimeVersion", "1.0.0")));
        models.hasResourceProperties("AWS::AppSync::Resolver", Map.of(
                "TypeName", "Query",
                "FieldName", "getProduct",
                "Code", plan.resolver("Query", "getProduct").orElseThrow().code(),
                "PipelineConfig", Map.of("Functions", Match.anyValue())));
        Map<String, Map<String, Object>> getProduct = models.findResources("AWS::AppSync::Resolver",
                Map.of("Properties", Map.of("FieldName", "getProduct")));
        @SuppressWarnings("unchecked")
        Map<String, Object> pipeline = (Map<String, Object>) ((Map<String, Object>) getProduct.values().iterator()
                .next().get("Properties")).get("PipelineConfig");
        assertThat((List<?>) pipeline.get("Functions"))
                .hasSize(plan.resolver("Query", "getProduct").orElseThrow().functions().size());
    }

    @Test
    void the_custom_js_handler_runs_the_users_file() throws Exception {
        String code = java.nio.file.Files.readString(PROJECT.resolve("src/main/js/adjustStock.js"));
        models.hasResourceProperties("AWS::AppSync::FunctionConfiguration", Map.of(
                "Name", "MutationAdjustStockHandler",
                "Code", code,
                "DataSourceName", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Product.*"), "Name"))));
    }

    @Test
    void escape_hatches_reach_every_resource() {
        assertThat(data.tables().keySet()).containsExactlyElementsOf(
                plan.models().stream().map(m -> m.name()).toList());
        assertThat(data.table("Order").getTableName()).isEqualTo("shop-Order");
        assertThat(data.dataSource("NONE").getType()).isEqualTo("NONE");
        assertThat(data.dataSources()).containsKeys("ProductTable", "FnRecommend");
        assertThat(data.apiKey()).isPresent();
        assertThat(data.api()).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> data.table("Missing"))
                .hasMessage("AmplifyData has no model `Missing`; its models are " + data.tables().keySet() + ".");
    }

    @Test
    void without_a_lock_file_synthesis_warns() {
        annotations.hasWarning("/Backend/Data", Match.stringLikeRegexp("No lock file is configured.*"));
    }

    /** The logical id of the one resource of {@code type} whose description starts with {@code description}. */
    static String logicalId(Template template, String type, String description) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        return found.entrySet().stream()
                .filter(e -> description == null || String.valueOf(e.getValue()).contains(description))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " matching " + description));
    }
}
