package io.amplify4j.cdk.backend;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.cdk.AmplifyBackend;
import io.amplify4j.cdk.AmplifyBackendProps;
import io.amplify4j.cdk.testing.FixtureProject;
import io.amplify4j.cdk.testing.TemplateChecks;
import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.plan.BackendPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** C15 (the same definition synthesizes byte-identical templates) and C14 (growing a backend replaces nothing). */
class StabilityTest {

    @TempDir
    static Path project;

    static Map<String, Map<String, Object>> synth(BackendPlan plan) {
        App app = App.Builder.create().outdir(project.resolve("out-" + System.nanoTime()).toString()).build();
        AmplifyBackend backend = AmplifyBackend.inNewStack(app, "Backend", StackProps.builder().build(),
                AmplifyBackendProps.builder(plan).projectDirectory(project).build());
        Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
        for (Stack stack : TemplateChecks.stacks(Stack.of(backend))) {
            templates.put(stack.getNode().getPath(), Template.fromStack(stack).toJSON());
        }
        return templates;
    }

    static BackendPlan docs(boolean grown, String bucketName) {
        BackendBuilder backend = Backend.builder("docs");
        AuthGroup admins = backend.auth().loginWithEmail().group("ADMINS");
        backend.storage(bucketName, bucket -> bucket.isDefault()
                .access("foo/*", allow -> List.of(allow.authenticated().to(StorageAction.READ)))
                .access("foo/bar/*", allow -> List.of(allow.groups(admins).to(StorageAction.READ))));
        if (grown) {
            backend.auth().group("EDITORS");
            var fn = backend.function("indexer", f -> f.assetHandler(Path.of("functions/indexer"), "index.handler",
                    FunctionCode.AssetRuntime.NODEJS_22));
            backend.storage("archive", bucket -> bucket
                    .access("old/*", allow -> List.of(allow.resource(fn).to(StorageAction.READ))));
        }
        return BackendPlan.of(backend.build());
    }

    @Test
    void theShopSynthesizesByteIdenticalTemplatesTwice() {
        FixtureProject.shop(project);
        BackendPlan shop = BackendPlan.of(new ShopBackend().define());
        TemplateChecks.assertDeterministic(() -> {
            Map<String, String> texts = new LinkedHashMap<>();
            synth(shop).forEach((name, template) -> texts.put(name, TemplateChecks.json(template)));
            return texts;
        });
    }

    @Test
    void growingABackendReplacesNoStatefulResourceButRenamingABucketDoes() {
        FixtureProject.nodeAsset(project.resolve("functions/indexer"), "index.js");
        Map<String, Map<String, Object>> before = synth(docs(false, "docs"));
        TemplateChecks.assertNoStatefulReplacement(before, synth(docs(true, "docs")), Set.of());
        assertThatThrownBy(() -> TemplateChecks.assertNoStatefulReplacement(before, synth(docs(false, "papers")),
                Set.of()))
                .hasMessageContaining("(AWS::S3::Bucket) would be deleted or replaced");
    }
}
