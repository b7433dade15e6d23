package io.amplify4j.cdk.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.manifest.Json;
import io.amplify4j.model.BackendModel;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.lock.DeploymentLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * CloudFormation's limits at 1, 50 and 200 models (owner plus public-read rules, a relationship every fifth model):
 * every template file within 400 resources and 800 KB, and adding a model never moves another model's resources.
 */
class ScaleTest {
    @TempDir
    static Path directory;

    static Synthesis two00;
    static Synthesis two01;

    /** The templates a synthesis wrote: per file, its resources' logical ids and types, and its size. */
    record Synthesis(AmplifyData data, Map<String, Template> templates) {
        int totalResources() {
            return templates.values().stream().mapToInt(t -> t.resources().size()).sum();
        }

        /** Every resource as {@code file → logicalId → type}, flattened to {@code logicalId → file}. */
        Map<String, String> locations() {
            Map<String, String> all = new TreeMap<>();
            templates.forEach((file, template) -> template.resources().keySet().forEach(id -> all.put(id, file)));
            return all;
        }
    }

    /** One template file. */
    record Template(Map<String, String> resources, long bytes) {}

    static Synthesis synthesize(BackendModel model, Path lockFile) throws IOException {
        App app = new App();
        AmplifyData data = DataStacks.synthesize(app, BackendPlan.of(model), (stack, builder) -> {
            DataStacks.everything(stack, model).accept(builder);
            if (lockFile != null) {
                builder.lock(DeploymentLock.at(lockFile));
            }
        }).data();
        CloudAssembly assembly = app.synth();
        Map<String, Template> templates = new TreeMap<>();
        try (var files = Files.list(Path.of(assembly.getDirectory()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".template.json")).sorted().toList()) {
                JsonNode tree = Json.mapper().readTree(Files.readString(file));
                Map<String, String> resources = new TreeMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = tree.path("Resources").fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> entry = fields.next();
                    resources.put(entry.getKey(), entry.getValue().path("Type").asText());
                }
                templates.put(file.getFileName().toString(), new Template(resources, Files.size(file)));
            }
        }
        return new Synthesis(data, templates);
    }

    @BeforeAll
    static void synthesize200And201() throws IOException {
        Path lock = directory.resolve("amplify4j.lock.json");
        two00 = synthesize(GeneratedModels.backend(200), lock);
        two00.data().writeLock();
        two01 = synthesize(GeneratedModels.backend(201), lock);
    }

    static void assertWithinBudget(int count, Synthesis synthesis) {
        synthesis.templates().forEach((file, template) -> {
            System.out.printf("%d models: %s %d resources %d bytes%n", count, file, template.resources().size(),
                    template.bytes());
            assertThat(template.resources().size()).as(file + " resources").isLessThanOrEqualTo(400);
            assertThat(template.bytes()).as(file + " bytes").isLessThanOrEqualTo(800_000);
        });
        System.out.printf("%d models: %d resources in %d templates, %.1f per model%n", count,
                synthesis.totalResources(), synthesis.templates().size(), synthesis.totalResources() / (double) count);
    }

    @Test
    void one_model_fits_in_one_shard() throws IOException {
        Synthesis one = synthesize(GeneratedModels.backend(1), null);
        assertWithinBudget(1, one);
        assertThat(one.templates()).hasSize(2);
    }

    @Test
    void fifty_models_stay_within_the_budget() throws IOException {
        Synthesis fifty = synthesize(GeneratedModels.backend(50), null);
        assertWithinBudget(50, fifty);
        assertThat(fifty.data().shards()).hasSizeGreaterThan(1);
    }

    @Test
    void two_hundred_models_stay_within_the_budget() {
        assertWithinBudget(200, two00);
        // Issue 4's target: at most 15 resources per model on average (a table's reads and writes are one function
        // each, auth functions are shared per nested stack).
        assertThat(two00.totalResources()).isLessThanOrEqualTo(15 * 200);
        assertThat(two00.data().shards()).hasSizeGreaterThan(5);
        // Their schema is too large to sit in the API's template: it is an S3 asset.
        assertThat(two00.data().cfnSchema().getDefinition()).isNull();
        assertThat(two00.data().cfnSchema().getDefinitionS3Location()).startsWith("s3://");
    }

    @Test
    void adding_model_201_moves_no_other_resource() {
        Map<String, String> before = two00.locations();
        Map<String, String> after = two01.locations();
        List<String> moved = new ArrayList<>();
        before.forEach((id, file) -> {
            if (!file.equals(after.get(id))) {
                moved.add(id + " " + file + " -> " + after.get(id));
            }
        });
        assertThat(moved).isEmpty();
        assertThat(after.keySet()).containsAll(before.keySet());
        assertThat(two01.data().placement()).containsAllEntriesOf(two00.data().placement());
        assertThat(two01.data().placement()).containsKey(GeneratedModels.name(201));
    }

    @Test
    void with_a_lock_file_a_model_inserted_first_moves_no_other_model() throws IOException {
        List<Integer> order = new ArrayList<>();
        order.add(0);
        for (int i = 1; i <= 200; i++) {
            order.add(i);
        }
        Synthesis inserted = synthesize(GeneratedModels.backend(order), directory.resolve("amplify4j.lock.json"));
        assertThat(inserted.data().placement()).containsAllEntriesOf(two00.data().placement());
        Map<String, String> after = inserted.locations();
        two00.locations().forEach((id, file) -> assertThat(after.get(id)).as(id).isEqualTo(file));
    }
}
