package io.amplify4j.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The main job, in-process, as {@code mvn -pl samples/shop -am package exec:java} runs it: synthesis, the generated
 * client, the sandbox with the packaged functions, and the scenario's outcomes. Runs in {@code integration-test}
 * (see the pom), after {@code target/shop-functions.jar} is packaged.
 */
class ShopMainTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void theShopRunsEndToEndOnTheSandbox() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ShopScenario.Outcome outcome;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            outcome = ShopMain.run(PROJECT, out);
        }
        String report = printed.toString(StandardCharsets.UTF_8);

        // synthesis: a root stack with nested stacks for auth, data, functions and storage
        assertThat(report).contains("[2/5]", "Shop.template.json", "Lambda::Function 2", "DynamoDB::Table 5",
                "Scheduler::Schedule 1", "S3::Bucket 1");
        assertThat(new ObjectMapper().readTree(PROJECT.resolve("target/cdk.out/manifest.json").toFile())
                .path("artifacts").has(ShopCdkApp.STACK)).isTrue();
        // the client the build generated
        assertThat(report).contains("entry point ShopApi", "ProductClient", "OrderClient");

        assertThat(outcome.categories()).isEqualTo(2);
        assertThat(outcome.catalogue()).containsExactly("BEAN-1(12)", "BEAN-2(3)", "BEAN-3(7)", "CHAI-1(20)",
                "EARL-1(2)", "GRIND-1(1)");
        assertThat(outcome.imageBytes()).isPositive();
        assertThat(outcome.guestReadImage()).as("guests read products/*").isTrue();
        assertThat(outcome.customerUploadDenied()).as("only ADMINS write products/*").isTrue();

        assertThat(outcome.ordersSeen()).containsOnlyKeys("ana", "ben");
        assertThat(outcome.ordersSeen().get("ana")).containsExactly("ana PENDING 64.0");
        assertThat(outcome.ordersSeen().get("ben")).containsExactly("ben PENDING 6.5");
        assertThat(outcome.itemsSeen()).isEqualTo(Map.of("ana", 2, "ben", 1));
        assertThat(outcome.otherOrderHidden()).isTrue();

        // the Java function: same shelf as BEAN-1, best stocked first, at most MAX_RESULTS=3, BEAN-1 itself excluded
        assertThat(outcome.recommended()).containsExactly("BEAN-3(7)", "BEAN-2(3)", "GRIND-1(1)");
        // the schedule: below RESTOCK_BELOW=5 raised to RESTOCK_TO=20, each seen live by the subscribed customer
        assertThat(outcome.restocked()).containsExactlyInAnyOrder("BEAN-2", "EARL-1", "GRIND-1");
        assertThat(outcome.stockAfterRestock()).containsEntry("BEAN-2", 20).containsEntry("EARL-1", 20)
                .containsEntry("GRIND-1", 20).containsEntry("BEAN-1", 10).containsEntry("BEAN-3", 7);
        assertThat(outcome.liveUpdates()).startsWith("BEAN-1->10", "CHAI-1->19")
                .containsAll(List.of("BEAN-2->20", "EARL-1->20", "GRIND-1->20")).hasSize(5);
        assertThat(report).contains("Report", "Done in");
        assertThat(Files.readString(PROJECT.resolve("target/shop/schema.graphql"))).contains("recommendProducts");
    }
}
