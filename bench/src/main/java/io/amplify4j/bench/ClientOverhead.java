package io.amplify4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The client's overhead over raw {@code java.net.http} + Jackson, measured so that a busy machine cannot bias it:
 * the two variants of {@link ClientBench} run in alternating rounds in one JVM (client, raw, raw, client, ...), so
 * load that comes and goes hits both alike; each round's mean is recorded and the medians are compared.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests exec:exec -Dbench.main=io.amplify4j.bench.ClientOverhead -Dbench.args="40 2000"
 * </pre>
 */
public final class ClientOverhead {
    private ClientOverhead() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        ClientBench bench = new ClientBench();
        bench.start();
        try {
            report("over a local server", rounds, calls, bench::client, bench::raw);
            report("without the network", rounds, calls * 5, bench::clientNoNetwork, bench::rawNoNetwork);
        } finally {
            bench.stop();
        }
    }

    private static void report(String what, int rounds, int calls, Callable<?> client, Callable<?> raw)
            throws Exception {
        for (int i = 0; i < 5; i++) {   // warm-up: both paths compiled before anything counts
            round(client, calls);
            round(raw, calls);
        }
        List<Double> clientMeans = new ArrayList<>();
        List<Double> rawMeans = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            boolean clientFirst = i % 2 == 0;
            double c;
            double r;
            if (clientFirst) {
                c = round(client, calls);
                r = round(raw, calls);
            } else {
                r = round(raw, calls);
                c = round(client, calls);
            }
            clientMeans.add(c);
            rawMeans.add(r);
            ratios.add(c / r);
        }
        System.out.printf("%s: %d rounds of %d calls each, alternating%n", what, rounds, calls);
        System.out.printf("  client  median %.2f us/call (p10 %.2f, p90 %.2f)%n", median(clientMeans),
                percentile(clientMeans, 10), percentile(clientMeans, 90));
        System.out.printf("  raw     median %.2f us/call (p10 %.2f, p90 %.2f)%n", median(rawMeans),
                percentile(rawMeans, 10), percentile(rawMeans, 90));
        System.out.printf("  client/raw per round: median %.3f (p10 %.3f, p90 %.3f)%n", median(ratios),
                percentile(ratios, 10), percentile(ratios, 90));
    }

    /** The mean time of one call over {@code calls} calls, in microseconds. */
    private static double round(Callable<?> call, int calls) throws Exception {
        Object sink = null;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink = call.call();
        }
        long elapsed = System.nanoTime() - start;
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return elapsed / 1000.0 / calls;
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.round((p / 100.0) * (sorted.length - 1));
        return sorted[index];
    }
}
