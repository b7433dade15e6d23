package io.amplify4j.plan.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.plan.AppSyncSchemas;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.resolver.PipelineFunctionPlan.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shape of the resolver plan: coverage of the SDL, function order, data sources, names, determinism. */
class ResolverStructureTest {
    private static final Pattern APPSYNC_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z]\\w{1,63}");

    static Stream<Arguments> plans() {
        return ResolverFixtures.plans().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void everyRootFieldAndRelationshipOfTheSchemaHasExactlyOneResolver(String name, DataPlan plan) {
        GraphQLSchema schema = AppSyncSchemas.parse(plan.schema());
        Set<String> expected = new TreeSet<>();
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            GraphQLObjectType type = schema.getObjectType(root);
            if (type != null) {
                type.getFieldDefinitions().forEach(f -> expected.add(root + "." + f.getName()));
            }
        }
        Set<String> models = new HashSet<>();
        plan.models().forEach(m -> models.add(m.name()));
        for (String model : models) {
            for (GraphQLFieldDefinition field : schema.getObjectType(model).getFieldDefinitions()) {
                GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(field.getType());
                String typeName = GraphQLTypeUtil.simplePrint(unwrapped);
                if (models.contains(typeName) || typeName.startsWith("Model") && typeName.endsWith("Connection")) {
                    expected.add(model + "." + field.getName());
                }
            }
        }
        List<String> actual = plan.resolvers().stream().map(ResolverPlan::coordinate).toList();
        assertThat(actual).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(actual)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void functionsRunAuthThenDataThenFilter(String name, DataPlan plan) {
        for (ResolverPlan resolver : plan.resolvers()) {
            List<Role> roles = resolver.functions().stream().map(PipelineFunctionPlan::role).toList();
            assertThat(roles).as(resolver.coordinate()).isNotEmpty();
            assertThat(roles.get(0)).as(resolver.coordinate()).isEqualTo(Role.AUTH);
            assertThat(roles.subList(1, roles.size())).as(resolver.coordinate()).doesNotContain(Role.AUTH);
            int filter = roles.indexOf(Role.FILTER);
            if (filter >= 0) {
                assertThat(filter).as(resolver.coordinate()).isEqualTo(roles.size() - 1);
            }
            if (resolver.typeName().equals("Subscription")) {
                assertThat(roles).as(resolver.coordinate()).doesNotContain(Role.DATA);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void everyFunctionNamesADataSourceOfThePlanAndNamesAreValidAndUnique(String name, DataPlan plan) {
        Set<String> sources = new HashSet<>();
        plan.dataSources().forEach(d -> sources.add(d.name()));
        assertThat(plan.dataSources()).extracting(DataSourcePlan::name).doesNotHaveDuplicates();
        List<String> functionNames = new ArrayList<>();
        Map<String, PipelineFunctionPlan> byName = new java.util.HashMap<>();
        for (ResolverPlan resolver : plan.resolvers()) {
            for (PipelineFunctionPlan function : resolver.functions()) {
                assertThat(sources).as(function.name()).contains(function.dataSource());
                assertThat(function.name()).matches(APPSYNC_NAME);
                PipelineFunctionPlan same = byName.putIfAbsent(function.name(), function);
                if (same == null) {
                    functionNames.add(function.name());
                } else {
                    // One name is one function: only a table's data function serves several fields.
                    assertThat(function).as(function.name()).isEqualTo(same);
                    assertThat(ResolverNames.isTableFunction(function)).as(function.name()).isTrue();
                }
                if (function.role() == Role.AUTH || function.role() == Role.FILTER) {
                    assertThat(function.dataSource()).isEqualTo(ResolverNames.NONE_DATA_SOURCE);
                }
            }
        }
        assertThat(functionNames).doesNotHaveDuplicates();
        plan.dataSources().forEach(d -> assertThat(d.name()).matches(APPSYNC_NAME));
        plan.environment().forEach(e -> assertThat(e.name()).matches(ENV_NAME));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void everyModuleExportsBothHandlersImportsOnlyTheUtilsAndAvoidsTheForbiddenStatements(String name, DataPlan plan) {
        for (Map.Entry<String, String> module : ResolverFixtures.modules(plan).entrySet()) {
            String code = module.getValue();
            assertThat(code).as(module.getKey())
                    .contains("export function request(ctx) {")
                    .contains("export function response(ctx) {")
                    .doesNotContain("throw ", "try {", "while (", "++", "--", "class ", "async ", "await ",
                            "Promise", "this.", "for (let", "for (var", "\t", "\r");
            code.lines().filter(l -> l.startsWith("import ")).forEach(l ->
                    assertThat(l).as(module.getKey()).endsWith("from '@aws-appsync/utils';"));
            assertThat(code).endsWith("}\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void modulesAndPipelinesStayWithinAppSyncLimits(String name, DataPlan plan) {
        // AppSync: at most 32 KB of code per resolver or function, at most 10 functions per pipeline.
        ResolverFixtures.modules(plan).forEach((path, code) ->
                assertThat(code.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(path)
                        .isLessThan(32 * 1024));
        plan.resolvers().forEach(r -> assertThat(r.functions()).as(r.coordinate()).hasSizeLessThanOrEqualTo(10));
    }

    @Test
    void environmentAndDataSourceNames() {
        assertThat(ResolverNames.functionRoleArnEnv("restock")).isEqualTo("AMPLIFY_FUNCTION_ROLE_ARN_RESTOCK");
        assertThat(ResolverNames.functionRoleArnEnv("partnerAuthorizer"))
                .isEqualTo("AMPLIFY_FUNCTION_ROLE_ARN_PARTNER_AUTHORIZER");
        assertThat(ResolverNames.functionRoleArnEnv("image-resize2")).isEqualTo("AMPLIFY_FUNCTION_ROLE_ARN_IMAGE_RESIZE2");
        assertThat(ResolverNames.functionDataSource("partnerAuthorizer")).isEqualTo("FnPartnerAuthorizer");
        assertThat(ResolverNames.functionDataSource("image-resize")).isEqualTo("FnImage_resize");
        assertThat(ResolverNames.tableDataSource("OrderItem")).isEqualTo("OrderItemTable");
        assertThat(ResolverNames.function("Query", "getTodo", "Auth")).isEqualTo("QueryGetTodoAuth");
        assertThat(ResolverNames.resolverModulePath("Product", "reviews")).isEqualTo("Product/reviews/resolver.js");
    }

    @Test
    void planningTwiceGivesTheSameBytes() {
        Map<String, DataPlan> first = ResolverFixtures.plans();
        Map<String, DataPlan> second = ResolverFixtures.plans();
        for (String name : first.keySet()) {
            assertThat(ResolverFixtures.modules(second.get(name))).isEqualTo(ResolverFixtures.modules(first.get(name)));
            assertThat(second.get(name).resolvers()).isEqualTo(first.get(name).resolvers());
            assertThat(second.get(name).dataSources()).isEqualTo(first.get(name).dataSources());
        }
    }

    @Test
    void shopDataSourcesAndEnvironment() {
        DataPlan shop = ResolverFixtures.plan(new ShopBackend().define());
        assertThat(shop.dataSources()).extracting(DataSourcePlan::name).containsExactly("NONE", "CategoryTable",
                "ProductTable", "ReviewTable", "OrderTable", "OrderItemTable", "SupportTicketTable", "FnRecommend");
        assertThat(shop.dataSources().get(1).tableName()).contains("shop-Category");
        assertThat(shop.environment()).extracting(EnvironmentVariablePlan::name).containsExactly(
                "AMPLIFY_IDENTITY_POOL_ID", "AMPLIFY_USER_POOL_ISSUER", "AMPLIFY_FUNCTION_ROLE_ARN_RESTOCK");
    }

    @Test
    void shopPipelines() {
        DataPlan shop = ResolverFixtures.plan(new ShopBackend().define());
        assertThat(functions(shop, "Query", "getOrder")).containsExactly(
                "QueryGetOrderAuth:NONE", "OrderTableRead:OrderTable", "QueryGetOrderFilter:NONE");
        assertThat(functions(shop, "Product", "reviews")).containsExactly(
                "ProductReviewsAuth:NONE", "ReviewTableRead:ReviewTable");
        assertThat(functions(shop, "OrderItem", "order")).containsExactly(
                "OrderItemOrderAuth:NONE", "OrderTableRead:OrderTable", "OrderItemOrderFilter:NONE");
        assertThat(functions(shop, "Query", "recommendProducts")).containsExactly(
                "QueryRecommendProductsAuth:NONE", "QueryRecommendProductsHandler:FnRecommend");
        assertThat(functions(shop, "Mutation", "adjustStock")).containsExactly(
                "MutationAdjustStockAuth:NONE", "MutationAdjustStockHandler:ProductTable");
        assertThat(shop.resolver("Mutation", "adjustStock").orElseThrow().functions().get(1).source())
                .isEqualTo(new ModuleSource.UserFile("src/main/js/adjustStock.js"));
        assertThat(functions(shop, "Subscription", "onInventoryChange"))
                .containsExactly("SubscriptionOnInventoryChangeAuth:NONE");
    }

    @Test
    void customJsHandlersRunInOrderAfterTheAuthFunctionFromTheirEntryPaths() {
        DataPlan extras = ResolverFixtures.plan(new ExtrasBackend().define());
        ResolverPlan archive = extras.resolver("Mutation", "archiveDocument").orElseThrow();
        assertThat(functions(extras, "Mutation", "archiveDocument")).containsExactly(
                "MutationArchiveDocumentAuth:NONE", "MutationArchiveDocumentHandler1:NONE",
                "MutationArchiveDocumentHandler2:DocumentTable");
        assertThat(archive.functions().subList(1, 3)).extracting(PipelineFunctionPlan::source).containsExactly(
                new ModuleSource.UserFile("src/main/js/archive/check.js"),
                new ModuleSource.UserFile("src/main/js/archive/write.js"));
        assertThat(functions(extras, "Person", "passport")).containsExactly(
                "PersonPassportAuth:NONE", "PassportTableRead:PassportTable");
    }

    @Test
    void grantedFunctionsAreAdmittedOnlyForTheirRootTypes() {
        DataPlan shop = ResolverFixtures.plan(new ShopBackend().define());
        String restock = "\"env\":\"AMPLIFY_FUNCTION_ROLE_ARN_RESTOCK\"";
        assertThat(auth(shop, "Query", "listProducts")).contains(restock);
        assertThat(auth(shop, "Mutation", "createProduct")).contains(restock);
        assertThat(auth(shop, "Subscription", "onCreateProduct")).doesNotContain(restock);
        assertThat(auth(shop, "Product", "reviews")).contains(restock);
    }

    private static String auth(DataPlan plan, String type, String field) {
        return plan.resolver(type, field).orElseThrow().functions().get(0).code();
    }

    private static List<String> functions(DataPlan plan, String type, String field) {
        return plan.resolver(type, field).orElseThrow().functions().stream()
                .map(f -> f.name() + ":" + f.dataSource())
                .toList();
    }
}
