package io.amplify4j.cdk.testing;

import io.amplify4j.cdk.nag.Acknowledgement;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagReportFormat;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.constructs.IConstruct;

/**
 * Runs cdk-nag 2.x's AwsSolutions and Serverless packs over every stack of an app (nested ones included) and tells
 * which findings are unacknowledged, which acknowledgements did not come from our reviewed list, and which
 * attached acknowledgements acknowledged nothing.
 *
 * <p>Usage: {@link #attach(App)} right after creating the app (before anything synthesizes it), build the stacks,
 * then {@link #check(App)} (which synthesizes once; later {@code Template.fromStack} calls reuse the assembly).
 *
 * <p>How it knows: cdk-nag's CSV report (one per pack and stack, in the assembly directory) lists every
 * non-compliant and every suppressed finding with the resource path and the suppression reason; our reasons carry
 * the entry id ({@link Acknowledgement#taggedReason()}), so a suppressed row names the entry that covered it.
 */
public final class NagHarness {

    private static final Set<String> FINDING = Set.of("Non-Compliant", "UNKNOWN");

    private NagHarness() {}

    /** Adds both packs as aspects of the app, with CSV reports. */
    public static void attach(App app) {
        NagPackProps props = NagPackProps.builder()
                .verbose(true)
                .reports(true)
                .reportFormats(List.of(NagReportFormat.CSV))
                .build();
        Aspects.of(app).add(new AwsSolutionsChecks(props));
        Aspects.of(app).add(new ServerlessChecks(props));
    }

    /** What cdk-nag said about an app. */
    public record Result(
            List<String> unacknowledged,
            List<String> foreignAcknowledgements,
            List<String> unusedAcknowledgements,
            Set<String> usedAcknowledgementIds) {

        /** Fails with every problem listed when anything is wrong. */
        public void assertClean() {
            List<String> problems = new ArrayList<>();
            unacknowledged.forEach(f -> problems.add("unacknowledged finding: " + f));
            foreignAcknowledgements.forEach(f -> problems.add("acknowledgement not from Acknowledgements: " + f));
            unusedAcknowledgements.forEach(f -> problems.add("acknowledgement that acknowledged nothing: " + f));
            if (!problems.isEmpty()) {
                throw new AssertionError("cdk-nag:\n  " + String.join("\n  ", problems));
            }
        }
    }

    /** Synthesizes the app (once) and reads cdk-nag's reports and annotations. */
    public static Result check(App app) {
        CloudAssembly assembly = app.synth();
        Path outdir = Path.of(assembly.getDirectory());
        Set<String> unacknowledged = new TreeSet<>();
        Set<String> foreign = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        Set<String> usedIds = new TreeSet<>();
        List<Path> reports;
        try (Stream<Path> files = Files.list(outdir)) {
            reports = files.filter(f -> f.getFileName().toString().endsWith("-NagReport.csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (reports.isEmpty()) {
            throw new AssertionError("cdk-nag wrote no report in " + outdir + "; was NagHarness.attach(app) called "
                    + "before the app was synthesized?");
        }
        for (Path report : reports) {
            for (List<String> row : Csv.read(report)) {
                String rule = row.get(0);
                String path = row.get(1);
                String compliance = row.get(2);
                if (FINDING.contains(compliance)) {
                    unacknowledged.add(rule + " on " + path + " (" + row.get(5) + ")");
                } else if (compliance.equals("Suppressed")) {
                    String id = Acknowledgement.idOf(row.get(3));
                    if (id == null) {
                        foreign.add(rule + " on " + path + ": " + row.get(3));
                    } else {
                        used.add(path + " " + id);
                        usedIds.add(id);
                    }
                }
            }
        }
        // The annotations say the same for top-level stacks, with the granular finding id; check them too so that
        // a report format change cannot hide a finding.
        for (IConstruct child : app.getNode().findAll()) {
            if (child instanceof Stack stack && stack.getNestedStackParent() == null) {
                Annotations annotations = Annotations.fromStack(stack);
                for (var message : annotations.findError("*", Match.stringLikeRegexp("(AwsSolutions|Serverless)-.*"))) {
                    unacknowledged.add(message.getId() + ": " + firstLine(message.getEntry().getData()));
                }
                for (var message : annotations.findWarning("*",
                        Match.stringLikeRegexp("(AwsSolutions|Serverless)-.*"))) {
                    unacknowledged.add(message.getId() + ": " + firstLine(message.getEntry().getData()));
                }
            }
        }
        Set<String> unused = new TreeSet<>();
        for (IConstruct child : app.getNode().findAll()) {
            if (child instanceof CfnResource resource) {
                for (String id : attachedIds(resource)) {
                    if (!used.contains(resource.getNode().getPath() + " " + id)) {
                        unused.add(id + " on " + resource.getNode().getPath());
                    }
                }
            }
        }
        return new Result(List.copyOf(unacknowledged), List.copyOf(foreign), List.copyOf(unused), usedIds);
    }

    /** The ids of our entries attached to a resource. */
    static List<String> attachedIds(CfnResource resource) {
        Object metadata = resource.getMetadata("cdk_nag");
        List<String> ids = new ArrayList<>();
        if (metadata instanceof Map<?, ?> map && map.get("rules_to_suppress") instanceof List<?> rules) {
            for (Object rule : rules) {
                if (rule instanceof Map<?, ?> r) {
                    String id = Acknowledgement.idOf(String.valueOf(r.get("reason")));
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    private static String firstLine(Object data) {
        String text = String.valueOf(data);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Just enough CSV for cdk-nag's report: every field quoted, quotes doubled. */
    static final class Csv {
        static List<List<String>> read(Path file) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean header = true;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    if (!header) {
                        rows.add(row);
                    }
                    header = false;
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            return rows;
        }
    }
}
