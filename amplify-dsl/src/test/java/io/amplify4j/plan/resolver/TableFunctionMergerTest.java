package io.amplify4j.plan.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.resolver.PipelineFunctionPlan.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One read and one write function per table, each choosing its branch by the field it runs for. */
class TableFunctionMergerTest {

    static Stream<Arguments> plans() {
        return ResolverFixtures.plans().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** Every resolver using each table function, by the function's name. */
    private static Map<String, List<ResolverPlan>> users(DataPlan plan) {
        Map<String, List<ResolverPlan>> users = new TreeMap<>();
        for (ResolverPlan resolver : plan.resolvers()) {
            resolver.functions().stream().filter(ResolverNames::isTableFunction)
                    .forEach(f -> users.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(resolver));
        }
        return users;
    }

    private static PipelineFunctionPlan dataFunction(ResolverPlan resolver) {
        return resolver.functions().stream().filter(f -> f.role() == Role.DATA).findFirst().orElseThrow();
    }

    /** The fields of the models' own operations, index queries and relationships: those the model generators make. */
    private static Set<String> modelFields(DataPlan plan) {
        Set<String> fields = new TreeSet<>();
        for (ModelPlan model : plan.models()) {
            model.operations().forEach((kind, field) -> fields.add(kind.rootType().rootTypeName() + "." + field));
            model.indexes().forEach(i -> i.queryField().ifPresent(f -> fields.add("Query." + f)));
            model.relationships().forEach(r -> fields.add(model.name() + "." + r.field()));
        }
        return fields;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void everyTableHasOneReadAndOneWriteFunctionServingExactlyItsFields(String name, DataPlan plan) {
        Set<String> modelFields = modelFields(plan);
        Set<String> expectedNames = new TreeSet<>();
        for (ResolverPlan resolver : plan.resolvers()) {
            for (PipelineFunctionPlan function : resolver.functions()) {
                if (function.role() != Role.DATA || !modelFields.contains(resolver.coordinate())) {
                    continue;
                }
                String access = resolver.typeName().equals("Mutation") ? "Write" : "Read";
                assertThat(function.name()).as(resolver.coordinate()).isEqualTo(function.dataSource() + access);
                assertThat(ResolverNames.isTableFunction(function)).as(function.name()).isTrue();
                expectedNames.add(function.name());
            }
        }
        Map<String, List<ResolverPlan>> users = users(plan);
        assertThat(users.keySet()).isEqualTo(expectedNames);
        users.forEach((function, resolvers) -> {
            String code = dataFunction(resolvers.get(0)).code();
            String dispatch = code.substring(code.indexOf("export function request(ctx) {"),
                    code.indexOf("export function response(ctx) {"));
            List<String> cases = dispatch.lines().filter(l -> l.startsWith("    case '"))
                    .map(l -> l.substring("    case '".length(), l.length() - 2))
                    .toList();
            assertThat(cases).as(function)
                    .containsExactlyElementsOf(resolvers.stream().map(ResolverPlan::coordinate).toList());
            assertThat(modelFields).as(function).containsAll(cases);
            assertThat(code).as(function)
                    .contains("return util.error('" + function + " does not serve ' + field, 'MappingTemplate');");
        });
    }

    @Test
    void tableFunctionsAreRecognizedByTheirNamesOnly() {
        ModuleSource code = new ModuleSource.Generated("");
        assertThat(ResolverNames.isTableFunction(new PipelineFunctionPlan("TodoTableRead", Role.DATA, "TodoTable",
                code, List.of()))).isTrue();
        assertThat(ResolverNames.isTableFunction(new PipelineFunctionPlan("TodoTableWrite12", Role.DATA, "TodoTable",
                code, List.of()))).isTrue();
        assertThat(ResolverNames.isTableFunction(new PipelineFunctionPlan("TodoTableRead1", Role.DATA, "TodoTable",
                code, List.of()))).isFalse();
        assertThat(ResolverNames.isTableFunction(new PipelineFunctionPlan("QueryGetTodoData", Role.DATA, "TodoTable",
                code, List.of()))).isFalse();
        assertThat(ResolverNames.isTableFunction(new PipelineFunctionPlan("TodoTableRead", Role.HANDLER,
                "TodoTable", code, List.of()))).isFalse();
        assertThat(ResolverNames.functionModulePath(new ResolverPlan("Query", "getTodo", "", List.of()),
                new PipelineFunctionPlan("TodoTableRead", Role.DATA, "TodoTable", code, List.of())))
                .isEqualTo("functions/TodoTableRead.js");
        assertThat(ResolverNames.functionModulePath(new ResolverPlan("Query", "getTodo", "", List.of()),
                new PipelineFunctionPlan("QueryGetTodoData", Role.DATA, "TodoTable", code, List.of())))
                .isEqualTo("Query/getTodo/QueryGetTodoData.js");
    }

    @Test
    void todoReadsAndWritesAndTheOperationsTheirRoleNeeds() {
        DataPlan todo = ResolverFixtures.plans().get("todo");
        Map<String, List<ResolverPlan>> users = users(todo);
        assertThat(users).containsOnlyKeys("TodoTableRead", "TodoTableWrite");
        assertThat(users.get("TodoTableRead")).extracting(ResolverPlan::coordinate)
                .containsExactly("Query.getTodo", "Query.listTodos");
        assertThat(users.get("TodoTableWrite")).extracting(ResolverPlan::coordinate)
                .containsExactly("Mutation.createTodo", "Mutation.updateTodo", "Mutation.deleteTodo");
        assertThat(dataFunction(users.get("TodoTableRead").get(0)).dynamoDbOperations())
                .containsExactly("GetItem", "Scan");
        assertThat(dataFunction(users.get("TodoTableWrite").get(0)).dynamoDbOperations())
                .containsExactly("DeleteItem", "PutItem", "UpdateItem");
    }

    @Test
    void relationshipFieldsReadThroughTheRelatedTablesReadFunction() {
        DataPlan shop = ResolverFixtures.plans().get("shop");
        Map<String, List<ResolverPlan>> users = users(shop);
        assertThat(users.get("OrderTableRead")).extracting(ResolverPlan::coordinate)
                .containsExactly("Query.getOrder", "Query.listOrders", "OrderItem.order");
        assertThat(dataFunction(users.get("OrderTableRead").get(0)).dynamoDbOperations())
                .containsExactly("GetItem", "Query", "Scan");
        assertThat(users.get("ReviewTableRead")).extracting(ResolverPlan::coordinate).contains("Product.reviews");
        // Custom handlers keep their own functions.
        assertThat(shop.resolver("Mutation", "adjustStock").orElseThrow().functions())
                .extracting(PipelineFunctionPlan::name)
                .containsExactly("MutationAdjustStockAuth", "MutationAdjustStockHandler");
    }

    // ---- the merge itself, on hand-made branches ---------------------------------------------------------

    private static JsModule branch(String field, String keyValue, String helper) {
        return new JsModule("Query." + field + " data")
                .constant("KEY", Map.of("partitionAttribute", keyValue))
                .constant("UNUSED_HERE", 1)
                .snippet(helper)
                .request("return { operation: 'GetItem', key: util.dynamodb.toMapValues(keyOf(ctx.args, KEY)) };")
                .response("return ctx.result;");
    }

    private static final String KEY_HELPER = """
            function keyOf(values, key) {
              const out = {};
              out[key.partitionAttribute] = values[key.partitionAttribute];
              return out;
            }
            """;

    private static ResolverPlan resolver(String field, PipelineFunctionPlan data) {
        return new ResolverPlan("Query", field, Modules.resolver("Query", field), List.of(data));
    }

    private static List<ResolverPlan> mergeThree(int maxCodeBytes) {
        TableFunctionMerger merger = new TableFunctionMerger();
        List<ResolverPlan> resolvers = new ArrayList<>();
        for (String field : List.of("getA", "getB", "getC")) {
            JsModule module = branch(field, field + "Id", KEY_HELPER);
            String name = ResolverNames.function("Query", field, "Data");
            merger.register(name, "Query", field, "ThingTable", module, List.of("GetItem"));
            resolvers.add(resolver(field, new PipelineFunctionPlan(name, Role.DATA, "ThingTable",
                    new ModuleSource.Generated(module.render()), List.of("GetItem"))));
        }
        return merger.merge(resolvers, maxCodeBytes);
    }

    @Test
    void eachBranchHoldsItsOwnConstantsAndHelpersAppearOnce() {
        List<ResolverPlan> merged = mergeThree(TableFunctionMerger.MAX_CODE_BYTES);
        PipelineFunctionPlan function = merged.get(0).functions().get(0);
        assertThat(merged).allSatisfy(r -> assertThat(r.functions()).containsExactly(function));
        String code = function.code();
        assertThat(code).startsWith("// Generated by Amplify4j: ThingTable reads: Query.getA, Query.getB, Query.getC."
                + " Do not edit.\nimport { util } from '@aws-appsync/utils';\n");
        assertThat(code.split("function keyOf\\(", -1)).hasSize(2);
        assertThat(code).contains("""
                function queryGetBRequest(ctx) {
                  const KEY = {"partitionAttribute":"getBId"};
                  return { operation: 'GetItem', key: util.dynamodb.toMapValues(keyOf(ctx.args, KEY)) };
                }

                function queryGetBResponse(ctx) {
                  return ctx.result;
                }
                """);
        assertThat(code).doesNotContain("UNUSED_HERE");
        assertThat(code).contains("""
                export function request(ctx) {
                  const field = ctx.info.parentTypeName + '.' + ctx.info.fieldName;
                  switch (field) {
                    case 'Query.getA':
                      return queryGetARequest(ctx);
                    case 'Query.getB':
                      return queryGetBRequest(ctx);
                    case 'Query.getC':
                      return queryGetCRequest(ctx);
                    default:
                      return util.error('ThingTableRead does not serve ' + field, 'MappingTemplate');
                  }
                }
                """);
    }

    @Test
    void aTableWhoseBranchesDoNotFitOneFunctionGetsMoreInOrder() {
        String three = mergeThree(TableFunctionMerger.MAX_CODE_BYTES).get(0).functions().get(0).code();
        // Room for two branches (about 400 bytes each), not three.
        int limit = three.getBytes(StandardCharsets.UTF_8).length - 200;
        List<ResolverPlan> merged = mergeThree(limit);
        Map<String, List<String>> byFunction = new LinkedHashMap<>();
        merged.forEach(r -> byFunction.computeIfAbsent(r.functions().get(0).name(), k -> new ArrayList<>())
                .add(r.coordinate()));
        assertThat(byFunction).containsExactly(
                Map.entry("ThingTableRead", List.of("Query.getA", "Query.getB")),
                Map.entry("ThingTableRead2", List.of("Query.getC")));
        merged.forEach(r -> assertThat(r.functions().get(0).code().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(limit));
        assertThat(merged.get(2).functions().get(0).code())
                .contains("return util.error('ThingTableRead2 does not serve ' + field, 'MappingTemplate');");
    }

    @Test
    void aHelperNamingABranchConstantIsRefused() {
        TableFunctionMerger merger = new TableFunctionMerger();
        JsModule module = branch("getA", "id", "function keyOf(values) {\n  return values[KEY.partitionAttribute];\n}\n");
        merger.register("QueryGetAData", "Query", "getA", "ThingTable", module, List.of("GetItem"));
        List<ResolverPlan> resolvers = List.of(resolver("getA", new PipelineFunctionPlan("QueryGetAData", Role.DATA,
                "ThingTable", new ModuleSource.Generated(module.render()), List.of("GetItem"))));
        assertThatThrownBy(() -> merger.merge(resolvers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A helper of Query.getA names the constant KEY; helpers must take their data as arguments");
    }

    @Test
    void identifiersAreFoundWholeOnly() {
        assertThat(JsModule.names("keyOf(ctx.args, KEY)", "KEY")).isTrue();
        assertThat(JsModule.names("const MY_KEY = 1; KEYS; KEY_2", "KEY")).isFalse();
        assertThat(JsModule.names("MODEL.key", "MODEL")).isTrue();
    }
}
