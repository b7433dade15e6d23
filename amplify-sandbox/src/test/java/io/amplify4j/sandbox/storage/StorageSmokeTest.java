package io.amplify4j.sandbox.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.sandbox.server.Sandbox;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class StorageSmokeTest {
    @Test
    void guestAndUser() {
        try (Sandbox sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).user("alice", "a-long-password-1").start()) {
            String bucket = sandbox.bucketName("media");
            AwsClients.Identity alice = AwsClients.user(sandbox, "alice");
            try (S3Client s3 = AwsClients.s3(sandbox, alice.credentials())) {
                String key = "uploads/" + alice.identityId() + "/a/../b c+d.txt";
                s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("hello"));
                assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String()).isEqualTo("hello");
                assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("uploads/" + alice.identityId() + "/"))
                        .contents()).extracting(o -> o.key()).containsExactly(key);
            }
            try (S3Client s3 = AwsClients.s3(sandbox, AwsClients.guest(sandbox))) {
                assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("products/")).contents()).isEmpty();
            }
        }
    }
}
