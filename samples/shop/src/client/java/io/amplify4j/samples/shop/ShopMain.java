package io.amplify4j.samples.shop;

import io.amplify4j.manifest.Manifest;
import io.amplify4j.model.BackendModel;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main job until the shop sample runs end to end: defines the demo shop, validates it, plans it, prints a
 * summary, writes the plan's documents to {@code target/shop}, and runs a short scenario on the local sandbox.
 */
public final class ShopMain {
    private ShopMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream out = System.out;
        Path outputDir = Path.of(args.length > 0 ? args[0] : "target/shop");

        out.println("[1/4] Defining and validating the shop backend ...");
        BackendModel model = new ShopBackend().define();
        out.println("      valid: no problems found");

        out.println("[2/4] Planning: names, tables, GraphQL schema, model introspection ...");
        BackendPlan plan = BackendPlan.of(model);
        DataPlan data = plan.data().orElseThrow();

        out.println("[3/4] Writing the plan's documents to " + outputDir + " ...");
        Files.createDirectories(outputDir);
        Files.writeString(outputDir.resolve("schema.graphql"), data.schema(), StandardCharsets.UTF_8);
        Files.writeString(outputDir.resolve("model-introspection.json"), data.modelIntrospection(),
                StandardCharsets.UTF_8);
        Manifest.of(model).writeTo(outputDir.resolve("amplify4j-manifest.json"));
        out.println();

        ShopReport.print(plan, out);
        out.println();
        out.println("[4/4] Running the shop on the local sandbox (the generated resolvers, over HTTP) ...");
        ShopScenario.run(plan, out);
        out.println();
        out.println("Done. The GraphQL schema (" + data.schema().lines().count() + " lines) is in "
                + outputDir.resolve("schema.graphql") + ".");
    }
}
