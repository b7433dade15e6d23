package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.shop.RecommendHandler;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.model.BackendModel;
import io.amplify4j.sandbox.function.FunctionRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where handler code comes from: the shop's handlers packaged as the jar its definition names
 * ({@code target/shop-functions.jar}, relative to the project directory) run from that jar in a class loader of
 * their own, not from the test class path; a definition whose handler cannot be found, or is not a handler, or
 * whose custom JS handler file is missing, fails at start with a message naming the place and the fix.
 */
class FunctionArtifactTest {
    @TempDir
    Path project;

    /** Packages the shop's handler classes (compiled with the tests) into {@code target/shop-functions.jar}. */
    void packageShopFunctions() throws Exception {
        Path classes = Path.of(RecommendHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = project.resolve("target/shop-functions.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> shop = Files.list(classes.resolve("com/example/shop"))) {
            for (Path clazz : shop.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                out.putNextEntry(new JarEntry("com/example/shop/" + clazz.getFileName()));
                out.write(Files.readAllBytes(clazz));
                out.closeEntry();
            }
        }
        Path js = project.resolve("src/main/js/adjustStock.js");
        Files.createDirectories(js.getParent());
        Files.copy(ShopFunctionsOverHttpTest.shopProject().resolve("src/main/js/adjustStock.js"), js);
    }

    @Test
    void theShopsHandlersRunFromTheirJar() throws Exception {
        packageShopFunctions();
        List<String> log = new CopyOnWriteArrayList<>();
        RecommendHandler.EVENTS.clear();
        try (Sandbox sandbox = Sandbox.builder(new ShopBackend())
                .projectDirectory(project)
                .functionHandler("thumbnails", new ShopFunctionsOverHttpTest.Thumbnails())
                .banner(null)
                .requestLog(log::add)
                .start()) {
            Http.Response response = Http.graphql(sandbox.graphqlEndpoint(), "x-api-key",
                    sandbox.apiKey().orElseThrow(), "{ recommendProducts(sku: \"CHAI-1\", limit: 1) { sku score } }",
                    null);
            assertThat(response.errors()).isEmpty();
            assertThat(response.data("recommendProducts")).isEqualTo(List.of(Map.of("sku", "EARL-1", "score", 0.9)));
            Http.Response restock = Http.post(sandbox.baseUri().resolve("/__sandbox/schedules/restock/run"),
                    Map.of("content-type", "application/json"), "{}");
            assertThat(restock.body()).containsEntry("payload", Map.of("restocked", true, "function", "restock"));
        }
        assertThat(log).anyMatch(line -> line.contains("recommend for CHAI-1")
                && line.contains("loader=amplify4j-function-recommend"));
        // The jar's copy of the class ran, not the test class path's.
        assertThat(RecommendHandler.EVENTS).isEmpty();
    }

    @Test
    void aMissingCustomJsHandlerFailsAtStartNamingTheFile() {
        assertThatThrownBy(() -> Sandbox.builder(new ShopBackend())
                .projectDirectory(project)
                .functionHandler("thumbnails", new ShopFunctionsOverHttpTest.Thumbnails())
                .banner(null)
                .start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The custom handler `src/main/js/adjustStock.js` of Mutation.adjustStock cannot be read from "
                        + project.resolve("src/main/js/adjustStock.js") + ". Set the sandbox's project directory to"
                        + " the folder the entry is relative to, or pass its text with userModule(entry, source).");
    }

    @Test
    void aCustomJsHandlerCanBeGivenAsText() throws IOException {
        String source = Files.readString(ShopFunctionsOverHttpTest.shopProject().resolve("src/main/js/adjustStock.js"),
                StandardCharsets.UTF_8);
        try (Sandbox sandbox = Sandbox.builder(new ShopBackend())
                .projectDirectory(project)
                .userModule("src/main/js/adjustStock.js", source)
                .functionHandler("thumbnails", new ShopFunctionsOverHttpTest.Thumbnails())
                .banner(null)
                .requestLog(line -> {})
                .start()) {
            assertThat(sandbox.functions().runtime().isRunnable("recommend")).isTrue();
        }
    }

    static BackendModel backendWith(String handlerClass) {
        BackendBuilder backend = Backend.builder("broken");
        backend.function("worker", fn -> fn.javaHandler(handlerClass, Path.of("build/worker.jar")));
        backend.function("script", fn -> fn.assetHandler(Path.of("functions/script"), "index.handler",
                io.amplify4j.model.function.FunctionCode.AssetRuntime.NODEJS_22));
        return backend.build();
    }

    @Test
    void aHandlerThatCannotBeFoundOrIsNoHandlerCannotRunAndSaysWhy() throws Exception {
        try (FunctionRuntime runtime = FunctionRuntime.builder(backendWith("com.example.Missing"))
                .projectDirectory(project).build()) {
            assertThat(runtime.isRunnable("worker")).isFalse();
            assertThat(runtime.whyNotRunnable("worker")).contains("functions.worker: handler class"
                    + " `com.example.Missing` not found on the class path, and the artifact "
                    + project.resolve("build/worker.jar") + " does not exist. Build the function's jar, or set the"
                    + " sandbox's project directory to where `build/worker.jar` is.");
            assertThatThrownBy(() -> runtime.invoke("worker", Map.of()))
                    .isInstanceOf(io.amplify4j.sandbox.function.FunctionFailure.class)
                    .hasMessage("functions.worker: handler class `com.example.Missing` not found on the class path,"
                            + " and the artifact <path> does not exist. Build the function's jar, or set the sandbox's"
                            + " project directory to where `build/worker.jar` is.");
        }
        try (FunctionRuntime runtime = FunctionRuntime.builder(backendWith("java.lang.String")).build()) {
            assertThat(runtime.whyNotRunnable("worker")).contains("functions.worker: `java.lang.String` implements"
                    + " neither RequestHandler nor RequestStreamHandler (com.amazonaws.services.lambda.runtime).");
        }
    }

    @Test
    void aSandboxWhoseFunctionJarIsNotBuiltStillServesItsData() throws Exception {
        Path js = project.resolve("src/main/js/adjustStock.js");
        Files.createDirectories(js.getParent());
        Files.copy(ShopFunctionsOverHttpTest.shopProject().resolve("src/main/js/adjustStock.js"), js);
        List<String> log = new CopyOnWriteArrayList<>();
        BackendModel shop = new ShopBackend().define();
        BackendModel withoutHandlers = new BackendModel(shop.name(), shop.profile(), shop.auth(), shop.data(),
                shop.storage(), shop.functions().stream().map(f -> new io.amplify4j.model.function.FunctionDefinition(
                        f.name(), new io.amplify4j.model.function.FunctionCode.Java("com.example.NotBuilt",
                        "target/missing.jar", io.amplify4j.model.function.FunctionCode.JavaRuntime.JAVA_21),
                        f.memoryMb(), f.timeoutSeconds(), f.ephemeralStorageMb(), f.architecture(), f.environment(),
                        f.secrets(), f.schedules(), f.layers(), f.snapStart(), f.logRetentionDays())).toList());
        try (Sandbox sandbox = Sandbox.builder(withoutHandlers).projectDirectory(project).banner(null)
                .requestLog(log::add).start()) {
            Http.Response products = Http.graphql(sandbox.graphqlEndpoint(), "x-api-key",
                    sandbox.apiKey().orElseThrow(), "{ listProducts { items { sku } } }", null);
            assertThat(products.errors()).isEmpty();
            Http.Response recommend = Http.graphql(sandbox.graphqlEndpoint(), "x-api-key",
                    sandbox.apiKey().orElseThrow(), "{ recommendProducts(sku: \"A\") { sku } }", null);
            assertThat(recommend.errorTypes()).containsExactly("Lambda:Unhandled");
            assertThat(recommend.text()).doesNotContain(project.toString());
        }
        assertThat(log).anyMatch(line -> line.startsWith("function not runnable: functions.recommend"));
    }

    @Test
    void aFunctionTheSandboxCannotRunSaysSoWhenInvoked() throws Exception {
        try (FunctionRuntime runtime = FunctionRuntime.builder(backendWith(
                "com.example.faults.WhoAmIHandler")).build()) {
            assertThat(runtime.isRunnable("script")).isFalse();
            assertThatThrownBy(() -> runtime.invoke("script", Map.of()))
                    .hasMessage("Function `script` is a nodejs22.x handler; the sandbox runs Java handlers only. Give"
                            + " it a local Java handler with Sandbox.builder(...).functionHandler(\"script\", handler).");
            assertThatThrownBy(() -> runtime.invoke("nothing", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The backend defines no function `nothing`; functions: [worker, script].");
        }
        assertThatThrownBy(() -> FunctionRuntime.builder(backendWith("com.example.faults.WhoAmIHandler"))
                .handler("nothing", new com.example.faults.WhoAmIHandler()).build())
                .hasMessage("A local handler was given for `nothing`, but the backend defines no such function;"
                        + " functions: [worker, script].");
    }
}
