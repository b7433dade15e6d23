package io.amplify4j.samples.demo;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.ModelDefinition;
import java.io.PrintStream;

/** A short, readable summary of a backend model. */
final class DemoReport {
    private DemoReport() {}

    static void print(BackendModel model, PrintStream out) {
        out.printf("Backend `%s` (profile %s)%n", model.name(), model.profile());
        model.auth().ifPresent(auth -> out.printf("  auth: email=%s phone=%s groups=%s mfa=%s%n",
                auth.loginWithEmail(), auth.loginWithPhone(),
                auth.groups().stream().map(g -> g.name()).toList(), auth.multifactor().mode()));
        model.data().ifPresent(data -> printData(data, out));
        model.storage().forEach(bucket -> out.printf("  storage `%s`: %d access paths%s%n",
                bucket.name(), bucket.access().size(), bucket.isDefault() ? " (default)" : ""));
        model.functions().forEach(fn -> out.printf("  function `%s`: %d MB, %d s, %d schedule(s)%n",
                fn.name(), fn.memoryMb(), fn.timeoutSeconds(), fn.schedules().size()));
    }

    private static void printData(DataDefinition data, PrintStream out) {
        out.printf("  data `%s`: %d models, %d enums, %d custom types, %d custom operations%n",
                data.name(), data.models().size(), data.enums().size(), data.customTypes().size(),
                data.operations().size());
        for (ModelDefinition model : data.models()) {
            out.printf("    model %-10s key=%s fields=%d relationships=%d indexes=%d rules=%d%n",
                    model.name(), model.identifier().isEmpty() ? "[id]" : model.identifier(),
                    model.fields().size(), model.relationships().size(), model.indexes().size(),
                    data.rulesOf(model).size());
        }
    }
}
