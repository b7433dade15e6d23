package io.amplify4j.cdk.data;

import io.amplify4j.model.BackendModel;
import io.amplify4j.plan.BackendPlan;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CloudFormationValidatePlugin;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * Whole-process synthesis of {@code N} generated models (owner plus public-read rules, a relationship every fifth
 * model), one process per measurement:
 *
 * <pre>{@code
 * ./amplify-cdk/bench-synthesis.sh              # every size, validation off and on, three runs each
 * mvn -B -q -pl amplify-cdk -am test-compile exec:exec -Dresolver-lint.skip=true -Dbench.args="200 off"
 * }</pre>
 *
 * <p>Prints one line: models, validation, resources, templates, the phases (JVM start to main, model and plan,
 * first jsii call which starts Node, building the constructs, {@code app.synth()}), the whole process time from
 * the process's start, and peak resident memory of the JVM and of its Node child (VmHWM from /proc). With
 * validation on, the built-in CloudFormation validation is registered on the App the way aws-cdk-lib does by
 * default (this main runs with {@code CDK_VALIDATION=false} so the two modes differ only by that plugin).
 */
public final class SynthesisBenchmark {
    private SynthesisBenchmark() {}

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        boolean validation = args.length > 1 && args[1].equals("on");
        long mainStart = System.nanoTime();
        Instant processStart = ProcessHandle.current().info().startInstant().orElseThrow();
        long jvmToMain = Duration.between(processStart, Instant.now()).toMillis();

        BackendModel model = GeneratedModels.backend(count);
        BackendPlan plan = BackendPlan.of(model);
        long planned = System.nanoTime();

        Path outdir = Files.createTempDirectory("amplify4j-bench");
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        if (validation) {
            Validations.of(app).addPlugins(new CloudFormationValidatePlugin());
        }
        long nodeStarted = System.nanoTime();

        DataStacks.synthesize(app, plan, (stack, builder) -> DataStacks.everything(stack, model).accept(builder));
        long built = System.nanoTime();

        CloudAssembly assembly = app.synth();
        long synthesized = System.nanoTime();

        int resources = 0;
        int templates = 0;
        long largest = 0;
        try (var files = Files.list(Path.of(assembly.getDirectory()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".template.json")).toList()) {
                templates++;
                resources += io.amplify4j.manifest.Json.mapper().readTree(file.toFile()).path("Resources").size();
                largest = Math.max(largest, Files.size(file));
            }
        }
        long jvmPeak = peakKb(ProcessHandle.current().pid()).orElse(0L);
        long nodePeak = 0;
        long nodeCpu = 0;
        List<ProcessHandle> children = new ArrayList<>();
        ProcessHandle.current().descendants().forEach(children::add);
        for (ProcessHandle child : children) {
            nodePeak += peakKb(child.pid()).orElse(0L);
            nodeCpu += child.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
        }
        long jvmCpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
        long whole = Duration.between(processStart, Instant.now()).toMillis();
        System.out.printf("models=%d validation=%s resources=%d perModel=%.1f templates=%d largestTemplateKB=%d"
                        + " jvmToMainMs=%d planMs=%d nodeStartMs=%d constructMs=%d synthMs=%d wholeProcessMs=%d"
                        + " cpuMs=%d jvmCpuMs=%d nodeCpuMs=%d jvmPeakMB=%d nodePeakMB=%d peakMB=%d heapUsedMB=%d"
                        + " load=%s%n",
                count, validation ? "on" : "off", resources, resources / (double) count, templates, largest / 1024,
                jvmToMain, ms(mainStart, planned), ms(planned, nodeStarted), ms(nodeStarted, built),
                ms(built, synthesized), whole, jvmCpu + nodeCpu, jvmCpu, nodeCpu, jvmPeak / 1024, nodePeak / 1024, (jvmPeak + nodePeak) / 1024,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.exit(0);
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** VmHWM, the peak resident set of a process, in KB; empty where /proc is not available. */
    static Optional<Long> peakKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
