package io.amplify4j.cdk.nag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.cdk.testing.NagHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;

/**
 * The cdk-nag harness on three small stacks synthesized once: one clean thanks to an acknowledgement, one with an
 * unacknowledged finding, one with an acknowledgement that acknowledges nothing.
 */
class NagHarnessTest {

    @TempDir
    static Path outdir;

    static App app;
    static NagHarness.Result result;

    @BeforeAll
    static void synth() {
        app = App.Builder.create().outdir(outdir.toString()).build();
        NagHarness.attach(app);
        Stack acknowledged = new Stack(app, "Acknowledged");
        Acknowledgements.apply(privateBucket(acknowledged, "Media"), Acknowledgements.BUCKET_NO_ACCESS_LOGS);
        Stack unacknowledged = new Stack(app, "Unacknowledged");
        privateBucket(unacknowledged, "Media");
        Stack unused = new Stack(app, "Unused");
        Bucket logs = Bucket.Builder.create(unused, "Logs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL).enforceSsl(true)
                .encryption(BucketEncryption.S3_MANAGED).build();
        Bucket logged = Bucket.Builder.create(unused, "Logged")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL).enforceSsl(true)
                .encryption(BucketEncryption.S3_MANAGED).serverAccessLogsBucket(logs).build();
        Acknowledgements.apply((CfnResource) logged.getNode().getDefaultChild(),
                Acknowledgements.BUCKET_NO_ACCESS_LOGS);
        result = NagHarness.check(app);
    }

    private static CfnResource privateBucket(Stack stack, String id) {
        Bucket bucket = Bucket.Builder.create(stack, id)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .build();
        return (CfnResource) bucket.getNode().getDefaultChild();
    }

    @Test
    void acknowledgementIsWrittenAsCdkNagMetadataWithTheTaggedReason() {
        Template.fromStack((Stack) app.getNode().findChild("Acknowledged")).hasResource("AWS::S3::Bucket",
                java.util.Map.of("Metadata", java.util.Map.of("cdk_nag", java.util.Map.of("rules_to_suppress",
                        List.of(java.util.Map.of("id", "AwsSolutions-S1",
                                "reason", Match.stringLikeRegexp("^\\[amplify4j:bucket-no-access-logs\\] .+")))))));
    }

    @Test
    void usedAcknowledgementIsRecognised() {
        assertThat(result.usedAcknowledgementIds()).containsExactly("bucket-no-access-logs");
        assertThat(result.unacknowledged()).noneMatch(f -> f.contains("Acknowledged/"));
    }

    @Test
    void unacknowledgedFindingIsReported() {
        assertThat(result.unacknowledged()).anyMatch(f -> f.startsWith("AwsSolutions-S1 on Unacknowledged/Media/"));
        assertThat(result.unacknowledged()).allMatch(f -> f.contains("Unacknowledged/Media"));
    }

    @Test
    void acknowledgementThatMatchedNothingIsReported() {
        assertThat(result.unusedAcknowledgements()).containsExactly("bucket-no-access-logs on Unused/Logged/Resource");
        assertThat(result.foreignAcknowledgements()).isEmpty();
        assertThatThrownBy(result::assertClean).isInstanceOf(AssertionError.class)
                .hasMessageContaining("acknowledgement that acknowledged nothing: bucket-no-access-logs on "
                        + "Unused/Logged/Resource")
                .hasMessageContaining("unacknowledged finding: AwsSolutions-S1 on Unacknowledged/Media/Resource");
    }

    @Test
    void entryOutsideItsResourceTypesIsRejected() {
        Stack stack = new Stack(new App(), "Other");
        CfnResource bucket = privateBucket(stack, "B");
        assertThatThrownBy(() -> Acknowledgements.apply(bucket, Acknowledgements.USER_POOL_MFA_NOT_REQUIRED))
                .hasMessageContaining("covers [AWS::Cognito::UserPool], not AWS::S3::Bucket (Other/B/Resource)");
    }

    @Test
    void everyEntryIsWellFormedAndUnique() {
        assertThat(Acknowledgements.ALL).extracting(Acknowledgement::id).doesNotHaveDuplicates();
        assertThatThrownBy(() -> Acknowledgement.of("x", "AwsSolutions-IAM5[Resource::*]", "a long enough reason",
                "AWS::IAM::Policy")).hasMessageContaining("put granular findings in appliesTo");
    }
}
