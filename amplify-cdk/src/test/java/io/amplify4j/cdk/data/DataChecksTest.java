package io.amplify4j.cdk.data;

import io.amplify4j.cdk.testing.NagHarness;
import io.amplify4j.cdk.testing.TemplateChecks;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.model.BackendModel;
import io.amplify4j.plan.BackendPlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

/**
 * The data stacks under cdk-nag (AwsSolutions and Serverless, nested stacks included) and our template checks C2 to
 * C15: the shop (production, every mode) and 30 generated models (sandbox, several shards).
 */
class DataChecksTest {

    static App synthesize(BackendModel model, Path outdir) {
        App app = App.Builder.create().outdir(outdir.toString()).build();
        NagHarness.attach(app);
        DataStacks.synthesize(app, BackendPlan.of(model), (stack, builder) -> {
            DataStacks.everything(stack, model).accept(builder);
            // C11 compares the API key's expiry with the current time, so this synthesis uses it too.
            builder.projectDirectory(ShopDataTest.PROJECT).clock(java.time.Clock.systemUTC());
        });
        return app;
    }

    static void assertClean(BackendModel model, Path outdir) {
        App app = synthesize(model, outdir);
        NagHarness.check(app).assertClean();
        TemplateChecks.assertAll(app, TemplateChecks.Expectations.of(model));
    }

    @Test
    void the_shop_is_nag_clean_and_passes_the_template_checks(@TempDir Path outdir) {
        assertClean(new ShopBackend().define(), outdir);
    }

    @Test
    void thirty_generated_models_are_nag_clean_and_pass_the_template_checks(@TempDir Path outdir) {
        assertClean(GeneratedModels.backend(30), outdir);
    }

    @Test
    void synthesis_is_deterministic(@TempDir Path first, @TempDir Path second) {
        BackendModel model = new TodoBackend().define();
        Path[] dirs = {first, second};
        int[] run = {0};
        TemplateChecks.assertDeterministic(() -> {
            App app = App.Builder.create().outdir(dirs[run[0]++].toString()).build();
            DataStacks.synthesize(app, BackendPlan.of(model), (stack, builder) ->
                    DataStacks.everything(stack, model).accept(builder));
            Map<String, String> templates = new TreeMap<>();
            TemplateChecks.templates(app).forEach((name, template) -> templates.put(name,
                    TemplateChecks.json(template)));
            return templates;
        });
    }

    @Test
    void adding_a_model_replaces_no_stateful_resource() {
        Map<String, Map<String, Object>> before = templates(GeneratedModels.backend(12));
        Map<String, Map<String, Object>> after = templates(GeneratedModels.backend(13));
        TemplateChecks.assertNoStatefulReplacement(before, after, Set.of());
    }

    private static Map<String, Map<String, Object>> templates(BackendModel model) {
        App app = new App();
        DataStacks.synthesize(app, BackendPlan.of(model), (stack, builder) ->
                DataStacks.everything(stack, model).accept(builder));
        return TemplateChecks.templates(app);
    }
}
