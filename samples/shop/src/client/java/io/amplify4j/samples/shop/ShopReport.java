package io.amplify4j.samples.shop;

import io.amplify4j.model.BackendModel;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.GsiPlan;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.TablePlan;
import java.io.PrintStream;
import java.util.stream.Collectors;

/** A short, readable summary of a planned backend. */
final class ShopReport {
    private ShopReport() {}

    static void print(BackendPlan plan, PrintStream out) {
        BackendModel model = plan.model();
        out.printf("Backend `%s` (profile %s)%n", model.name(), model.profile());
        model.auth().ifPresent(auth -> out.printf("  auth     email sign-in=%s, groups=%s, MFA %s%n",
                auth.loginWithEmail(), auth.groups().stream().map(g -> g.name()).toList(),
                auth.multifactor().mode()));
        plan.data().ifPresent(data -> printData(data, out));
        model.storage().forEach(bucket -> out.printf("  storage  `%s`%s: %s%n", bucket.name(),
                bucket.isDefault() ? " (default)" : "",
                bucket.access().stream().map(a -> a.path()).collect(Collectors.joining(", "))));
        model.functions().forEach(fn -> out.printf("  function `%s`: %d MB, %d s timeout, %d schedule(s)%n",
                fn.name(), fn.memoryMb(), fn.timeoutSeconds(), fn.schedules().size()));
    }

    private static void printData(DataPlan data, PrintStream out) {
        out.printf("  data     %d models, %d enums, %d custom types, %d custom operations%n",
                data.models().size(), data.definition().enums().size(), data.definition().customTypes().size(),
                data.definition().operations().size());
        for (ModelPlan model : data.models()) {
            TablePlan table = data.table(model.name()).orElseThrow();
            out.printf("    %-9s table %-16s key %s%s; operations %s%n",
                    model.name(),
                    table.tableName(),
                    table.partitionKey().name(),
                    table.sortKey().map(k -> " + " + k.name()).orElse(""),
                    String.join(", ", model.operations().values()));
            for (GsiPlan gsi : table.globalSecondaryIndexes()) {
                out.printf("              GSI %s on %s%s%n", gsi.name(), gsi.partitionKey().name(),
                        gsi.sortKey().map(k -> " + " + k.name()).orElse(""));
            }
        }
    }
}
