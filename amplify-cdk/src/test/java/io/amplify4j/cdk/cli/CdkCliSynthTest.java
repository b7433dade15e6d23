package io.amplify4j.cdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.cdk.outputs.OutputKeys;
import io.amplify4j.cdk.testing.FixtureProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CDK CLI (npm {@code aws-cdk}, pinned in {@code /cdk-cli}) synthesizes the sample app of
 * {@code src/test/cdk-app}: the whole shop backend, with aws-cdk-lib's CloudFormation validation on (default rules
 * as errors). Nothing reaches AWS: the stack is environment-agnostic, lookups are off, notices, version checks and
 * telemetry are off, and credentials and IMDS are out of reach.
 */
class CdkCliSynthTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path CLI = MODULE.resolve("../cdk-cli").normalize();
    private static final Path APP = MODULE.resolve("src/test/cdk-app");

    @TempDir
    Path work;

    @Test
    void cdkSynthOfTheSampleAppSucceedsWithValidationOn() throws Exception {
        installCli();
        Path project = FixtureProject.shop(work.resolve("project"));
        Path args = MODULE.resolve("target/cdk-app/java.args");
        Files.createDirectories(args.getParent());
        // the JVM flags BENCHMARKS.md recommends for synthesis
        Files.writeString(args, "-XX:+UseSerialGC -XX:TieredStopAtLevel=1\n-cp \"" + System.getProperty("java.class.path").replace("\\", "/") + "\"\n"
                + ShopCdkApp.class.getName() + "\n");
        Path out = work.resolve("cdk.out");
        Path home = Files.createDirectories(work.resolve("home"));

        ProcessBuilder cdk = new ProcessBuilder(List.of("node", CLI.resolve("node_modules/aws-cdk/bin/cdk").toString(),
                "synth", "--ci", "--no-notices", "--no-version-reporting", "--no-lookups", "--quiet",
                "--output", out.toString()))
                .directory(APP.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = cdk.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("CDK_VALIDATION"));
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
                + System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("CDK_HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("CDK_DISABLE_VERSION_CHECK", "1");
        env.put("CDK_DISABLE_CLI_TELEMETRY", "true");
        env.put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "true");
        env.put("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "true");
        env.put("AMPLIFY4J_PROJECT_DIR", project.toString());
        Process process = cdk.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("Validation failed").doesNotContain("validation found issues");

        ObjectMapper json = new ObjectMapper();
        JsonNode template = json.readTree(out.resolve("Shop.template.json").toFile());
        for (String key : List.of(OutputKeys.REGION, OutputKeys.USER_POOL_ID, OutputKeys.GRAPHQL_URL,
                OutputKeys.bucketName("media"))) {
            assertThat(template.path("Outputs").has(key)).as(key).isTrue();
        }
        List<Path> nested;
        try (Stream<Path> files = Files.list(out)) {
            nested = files.filter(f -> f.getFileName().toString().endsWith(".nested.template.json")).toList();
        }
        assertThat(nested.size()).isGreaterThanOrEqualTo(4);
        assertThat(json.readTree(out.resolve("manifest.json").toFile()).path("artifacts").has("Shop")).isTrue();
        Path report = out.resolve("validation-report.json");
        assertThat(report).exists();
        assertThat(Files.readString(report)).doesNotContain("\"violatingResources\"");
    }

    /** {@code npm ci} in {@code /cdk-cli} when the CLI is not installed yet. */
    private static void installCli() throws IOException, InterruptedException {
        if (Files.isRegularFile(CLI.resolve("node_modules/aws-cdk/bin/cdk"))) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("npm", "ci", "--no-audit", "--no-fund"));
        Process npm = new ProcessBuilder(command).directory(CLI.toFile()).redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(npm.exitValue()).as("npm ci in " + CLI + ":\n" + output).isZero();
    }
}
