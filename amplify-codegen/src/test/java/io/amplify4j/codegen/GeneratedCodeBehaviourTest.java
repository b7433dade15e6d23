package io.amplify4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated types at run time: a snippet compiled with the generated sources calls them and returns what it
 * saw as text (JSON written by the runtime's mapper, problems reported by {@code build()}), and misuse does not
 * compile at all.
 */
class GeneratedCodeBehaviourTest {

    /** Compiles the generated client of {@code backend} with a class {@code Check} whose body is {@code body}. */
    private static Compiler.Result compileWith(GeneratedSources generated, String pkg, String body) {
        List<Compiler.Source> sources = new ArrayList<>(Compiler.sources(generated));
        sources.add(new Compiler.Source(pkg.replace('.', '/') + "/Check.java", "package " + pkg + ";\n"
                + "import io.amplify4j.client.json.AmplifyJson;\n"
                + "import java.util.*;\n"
                + "public class Check {\n" + body + "\n}\n"));
        return Compiler.compile(sources);
    }

    private static String run(Compiler.Result result, String pkg) throws Exception {
        assertThat(result.errors()).isEmpty();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {result.classes().toUri().toURL()},
                GeneratedCodeBehaviourTest.class.getClassLoader())) {
            Method check = loader.loadClass(pkg + ".Check").getMethod("run");
            return (String) check.invoke(null);
        }
    }

    private static final GeneratedSources TODO = ClientGenerator.generate(new TodoBackend(),
            CodegenOptions.of("gen.todo"));
    private static final GeneratedSources SHOP = ClientGenerator.generate(new ShopBackend(),
            CodegenOptions.of("gen.shop"));

    @Test
    void createInputsLeaveUnsetFieldsOutAndStageRequiredFieldsFirst() throws Exception {
        String json = run(compileWith(TODO, "gen.todo", """
                public static String run() throws Exception {
                    CreateTodoInput input = CreateTodoInput.builder().content("Write tests").priority(2).build();
                    return AmplifyJson.mapper().writeValueAsString(input);
                }"""), "gen.todo");
        assertThat(json).isEqualTo("{\"content\":\"Write tests\",\"priority\":2}");
    }

    @Test
    void buildReportsEveryProblemAtOnce() throws Exception {
        String message = run(compileWith(TODO, "gen.todo", """
                public static String run() {
                    try {
                        CreateTodoInput.builder().content("").priority(9).build();
                        return "built";
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                }"""), "gen.todo");
        assertThat(message).isEqualTo("CreateTodoInput is not valid:\n"
                + "  content: must be at least 1 characters long\n"
                + "  priority: must be at most 5");
        String update = run(compileWith(TODO, "gen.todo", """
                public static String run() {
                    try {
                        UpdateTodoInput.builder(null).content(null).done(null).priority(0).build();
                        return "built";
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                }"""), "gen.todo");
        assertThat(update).isEqualTo("UpdateTodoInput is not valid:\n"
                + "  id: is required (it is part of the key)\n"
                + "  content: cannot be cleared, the model requires it; leave it unset to keep its value\n"
                + "  done: cannot be cleared, the model requires it; leave it unset to keep its value\n"
                + "  priority: must be at least 1");
    }

    @Test
    void updateInputsSendExplicitNullsOnlyForFieldsSet() throws Exception {
        String json = run(compileWith(TODO, "gen.todo", """
                public static String run() throws Exception {
                    UpdateTodoInput input = UpdateTodoInput.builder("t-1").priority(null).done(true).build();
                    UpdateTodoInput changed = input.toBuilder().content("Again").build();
                    return AmplifyJson.mapper().writeValueAsString(input) + " "
                            + AmplifyJson.mapper().writeValueAsString(changed) + " " + changed.fieldsSet();
                }"""), "gen.todo");
        // Keys first, then the fields set, in field order; unset fields are absent, cleared ones explicit nulls.
        assertThat(json).isEqualTo("{\"id\":\"t-1\",\"done\":true,\"priority\":null}"
                + " {\"id\":\"t-1\",\"content\":\"Again\",\"done\":true,\"priority\":null}"
                + " [priority, done, content]");
    }

    @Test
    void recordsReadAwsScalarsAndFiltersRenderAppSyncInputs() throws Exception {
        String out = run(compileWith(SHOP, "gen.shop", """
                public static String run() throws Exception {
                    Order order = AmplifyJson.mapper().readValue(
                            "{\\"customerId\\":\\"c1\\",\\"placedAt\\":\\"2026-01-02T03:04:05.000Z\\","
                            + "\\"status\\":\\"SHIPPED\\",\\"total\\":12.5,\\"createdAt\\":\\"2026-01-02T03:04:05Z\\","
                            + "\\"shippingAddress\\":{\\"street\\":\\"S\\",\\"city\\":\\"C\\",\\"postcode\\":\\"P\\","
                            + "\\"country\\":\\"DE\\"},\\"unknown\\":1}", Order.class);
                    Product product = AmplifyJson.mapper().readValue(
                            "{\\"sku\\":\\"A-1\\",\\"attributes\\":\\"{\\\\\\"color\\\\\\":\\\\\\"red\\\\\\"}\\"}",
                            Product.class);
                    var filter = Order.STATUS.eq(OrderStatus.SHIPPED).and(Order.TOTAL.gt(10.0));
                    return order.placedAt() + " " + order.status() + " " + order.shippingAddress().city() + " "
                            + product.attributes().get("color").asText() + " "
                            + AmplifyJson.mapper().writeValueAsString(filter) + " "
                            + AmplifyJson.mapper().writeValueAsString(Product.NAME_KEY.beginsWith("Ch"));
                }"""), "gen.shop");
        assertThat(out).isEqualTo("2026-01-02T03:04:05Z SHIPPED C red "
                + "{\"and\":[{\"status\":{\"eq\":\"SHIPPED\"}},{\"total\":{\"gt\":10.0}}]} {\"beginsWith\":\"Ch\"}");
    }

    @Test
    void awsTimestampAndJsonTravelAsAppSyncWantsThemUnderJavaSafeNames() throws Exception {
        GeneratedSources names = ClientGenerator.generate(new AwkwardNamesBackend(), CodegenOptions.of("gen.names"));
        String out = run(compileWith(names, "gen.names", """
                public static String run() throws Exception {
                    var mapper = AmplifyJson.mapper();
                    var extra = mapper.readTree("{\\"a\\":1}");
                    UpdateRecordInput update = UpdateRecordInput.builder("r-1").class_("k")
                            .seenAt(java.time.Instant.ofEpochSecond(1700000000)).extra(extra).kind(Kind.class_)
                            .build();
                    CreateRecordInput create = CreateRecordInput.builder().class_("k").default_(3)
                            .seenAt(java.time.Instant.ofEpochSecond(5)).extra(extra).build();
                    Record read = mapper.readValue("{\\"id\\":\\"r-1\\",\\"class\\":\\"k\\","
                            + "\\"seenAt\\":1700000000,\\"extra\\":\\"{\\\\\\"b\\\\\\":2}\\","
                            + "\\"kind\\":\\"default\\",\\"items\\":{\\"class\\":\\"c\\",\\"int\\":4}}",
                            Record.class);
                    return mapper.writeValueAsString(update) + " " + mapper.writeValueAsString(create) + " "
                            + read.class_() + " " + read.seenAt() + " " + read.extra().get("b") + " " + read.kind()
                            + " " + read.items().int_();
                }"""), "gen.names");
        assertThat(out).isEqualTo("{\"id\":\"r-1\",\"class\":\"k\",\"kind\":\"class\",\"seenAt\":1700000000,"
                + "\"extra\":\"{\\\"a\\\":1}\"} "
                + "{\"class\":\"k\",\"default\":3,\"seenAt\":5,\"extra\":\"{\\\"a\\\":1}\"} "
                + "k 2023-11-14T22:13:20Z 2 default_ 4");
    }

    @Test
    void misuseDoesNotCompile() {
        GeneratedSources blog = ClientGenerator.generate(new io.amplify4j.fixtures.BlogBackend(),
                CodegenOptions.of("gen.blog"));
        List<Compiler.Source> both = new ArrayList<>(Compiler.sources(TODO));
        both.addAll(Compiler.sources(blog));
        assertThat(errorsOf(both, "api.todos().list(Todo.DONE.eq(true));")).isEmpty();
        assertThat(errorsOf(both, "api.todos().list(gen.blog.Post.TITLE.eq(\"x\"));"))
                .anyMatch(e -> e.contains("incompatible types") || e.contains("cannot be applied"));
        assertThat(errorsOf(both, "Todo.DONE.contains(\"x\");")).anyMatch(e -> e.contains("cannot find symbol"));
        assertThat(errorsOf(both, "Todo.PRIORITY.eq(\"high\");")).isNotEmpty();
        assertThat(errorsOf(both, "CreateTodoInput.builder().priority(1).build();"))
                .as("the staged builder asks for the required content first")
                .anyMatch(e -> e.contains("cannot find symbol"));
        assertThat(errorsOf(both, "api.todos().onCreate(Todo.DONE.eq(true));"))
                .as("a model filter is not a subscription filter").isNotEmpty();
        assertThat(errorsOf(both, "api.todos().onCreate(Todo.DONE.subscription().eq(true));")).isEmpty();
    }

    private static List<String> errorsOf(List<Compiler.Source> generated, String statement) {
        List<Compiler.Source> sources = new ArrayList<>(generated);
        sources.add(new Compiler.Source("gen/todo/Misuse.java", "package gen.todo;\nclass Misuse {\n"
                + "  void use(TodoApi api) {\n    " + statement + "\n  }\n}\n"));
        return Compiler.compile(sources).errors();
    }
}
