package io.amplify4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of a benchmark goes: reads the flight recordings JMH's {@code -prof jfr} wrote and sorts the CPU
 * samples of the benchmark thread into the parts of a resolver run, by the innermost frame that says which part it
 * is in. Record with a deep stack ({@code -prof jfr:stackDepth=2048}): GraalJS's interpreter stacks are deep, and
 * JFR's default of 64 frames cuts them, which would leave the guest's samples unattributed. Usage: {@code JfrBreakdown DIR...}, each DIR searched for {@code .jfr} files.
 */
public final class JfrBreakdown {
    static final List<String> PARTS = List.of(
            "DynamoDB interpreter",
            "JSON, Java side (Jackson)",
            "JSON, guest side (JSON.parse/stringify)",
            "util host calls (ids, time)",
            "JS handlers (GraalJS interpreter)",
            "engine bookkeeping (Java)",
            "benchmark harness / other");

    private JfrBreakdown() {}

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            try (Stream<Path> files = Files.walk(Path.of(arg))) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jfr")).sorted().toList()) {
                    report(file);
                }
            }
        }
    }

    private static void report(Path file) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        PARTS.forEach(p -> counts.put(p, 0));
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || !isBenchmarkThread(event)) {
                continue;
            }
            counts.merge(partOf(stack.getFrames()), 1, Integer::sum);
            total++;
        }
        System.out.printf("%s (%d samples)%n", file.getParent().getFileName(), total);
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > 0) {
                System.out.printf("  %-42s %5.1f%%%n", entry.getKey(), 100.0 * entry.getValue() / total);
            }
        }
    }

    /** JMH's worker threads; the JIT and GC threads are not sampled as Java code anyway. */
    private static boolean isBenchmarkThread(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        return thread != null && String.valueOf(thread.getJavaName()).contains("jmh-worker");
    }

    /** The part a sample belongs to: decided by its innermost frame that belongs to a part. */
    static String partOf(List<RecordedFrame> frames) {
        boolean guest = false;
        for (RecordedFrame frame : frames) {
            String type = type(frame);
            if (type.startsWith("io.amplify4j.sandbox.dynamodb.")) {
                return PARTS.get(0);
            }
            if (type.startsWith("com.fasterxml.jackson.")) {
                return PARTS.get(1);
            }
            if (type.startsWith("com.oracle.truffle.js.builtins.json.")
                    || type.startsWith("com.oracle.truffle.js.builtins.JSONBuiltins")) {
                return PARTS.get(2);
            }
            if (type.startsWith("io.amplify4j.sandbox.js.RuntimeHost")) {
                return PARTS.get(3);
            }
            if (type.startsWith("com.oracle.truffle.") || type.startsWith("org.graalvm.")) {
                guest = true;
            }
            if (type.startsWith("io.amplify4j.sandbox.")) {
                return guest ? PARTS.get(4) : PARTS.get(5);
            }
        }
        return PARTS.get(6);
    }

    private static String type(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }
}
