package io.amplify4j.samples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awscdk.App;

/**
 * The shop synthesized into a CDK cloud assembly, and what is in it: per stack template (the root stack and its
 * nested stacks), the number of resources of each type and the template's size.
 */
record CloudAssemblySummary(Path directory, List<Template> templates) {
    /** One synthesized template. */
    record Template(String file, long bytes, Map<String, Integer> resourcesByType) {
        int resources() {
            return resourcesByType.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Synthesizes {@link ShopCdkApp}'s stack into {@code outdir}; {@code project} holds the functions' jar. */
    static CloudAssemblySummary synthesize(Path project, Path outdir) throws IOException {
        requireNode();
        deleteRecursively(outdir); // no stale assets from earlier runs
        PrintStream err = System.err;
        System.setErr(new PrintStream(new NodeNoticeFilter(err), true, StandardCharsets.UTF_8));
        try {
            App app = App.Builder.create().outdir(outdir.toString()).build();
            ShopCdkApp.define(app, project);
            app.synth();
        } finally {
            System.setErr(err);
        }
        return read(outdir);
    }

    /**
     * Passes the CDK's Node.js output through, less jsii's boxed notice about the Node.js version (lines of
     * {@code !!}), which the CLI silences with {@code JSII_SILENCE_WARNING_*} variables that a running JVM cannot set
     * for its child.
     */
    private static final class NodeNoticeFilter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private boolean inNotice;

        NodeNoticeFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.startsWith("!!")) {
                inNotice = !inNotice || !text.startsWith("!!!!");
                return;
            }
            if (text.isBlank()) {
                return;
            }
            target.println(text);
        }

        @Override
        public synchronized void flush() {
            target.flush();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Reads every {@code *.template.json} of a cloud assembly. */
    static CloudAssemblySummary read(Path outdir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Template> templates = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(outdir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".template.json")).sorted().toList();
        }
        for (Path file : files) {
            Map<String, Integer> byType = new TreeMap<>();
            json.readTree(file.toFile()).path("Resources").forEach((JsonNode resource) ->
                    byType.merge(resource.path("Type").asText(), 1, Integer::sum));
            templates.add(new Template(file.getFileName().toString(), Files.size(file), byType));
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("The cloud assembly in " + outdir + " has no templates.");
        }
        return new CloudAssemblySummary(outdir, List.copyOf(templates));
    }

    int resources() {
        return templates.stream().mapToInt(Template::resources).sum();
    }

    void print(PrintStream out) {
        out.printf("      %d templates, %d resources:%n", templates.size(), resources());
        for (Template template : templates) {
            out.printf("      %-58s %4d resources, %6.1f KB%n", template.file(), template.resources(),
                    template.bytes() / 1024.0);
            String types = template.resourcesByType().entrySet().stream()
                    .map(e -> e.getKey().replace("AWS::", "") + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            wrap(types, 100).forEach(line -> out.println("          " + line));
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : text.split(", ")) {
            if (line.length() > 0 && line.length() + part.length() + 2 > width) {
                lines.add(line.append(',').toString());
                line = new StringBuilder();
            } else if (line.length() > 0) {
                line.append(", ");
            }
            line.append(part);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The CDK's Java bindings run the construct library in Node.js: fail early and clearly without it. */
    private static void requireNode() {
        String problem;
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(node.getInputStream().readAllBytes()).trim();
            if (node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0) {
                return;
            }
            problem = "`node --version` failed: " + version;
        } catch (IOException e) {
            problem = "`node` is not on the PATH (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while checking for Node.js";
        }
        throw new IllegalStateException("CDK synthesis needs Node.js 20 or later: " + problem + ". Install Node.js"
                + " and put `node` on the PATH.");
    }
}
