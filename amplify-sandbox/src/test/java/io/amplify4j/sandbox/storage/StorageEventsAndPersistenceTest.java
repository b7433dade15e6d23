package io.amplify4j.sandbox.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.server.Sandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Storage listeners hear of every stored and removed object, with the definition's trigger function; a failing
 * listener never fails the request. With a storage directory, objects survive a restart, and a user's identity id
 * (which names their folder) stays the same.
 */
class StorageEventsAndPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void listenersHearUploadsAndDeletesWithTheTriggerFunction() {
        List<StorageEvent> events = new CopyOnWriteArrayList<>();
        StorageEventListener recorder = new StorageEventListener() {
            @Override
            public void onUpload(StorageEvent event) {
                events.add(event);
            }

            @Override
            public void onDelete(StorageEvent event) {
                events.add(event);
            }
        };
        StorageEventListener failing = new StorageEventListener() {
            @Override
            public void onUpload(StorageEvent event) {
                throw new IllegalStateException("trigger broke");
            }
        };
        List<String> log = new CopyOnWriteArrayList<>();
        try (Sandbox sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(log::add)
                .storageListener(failing).storageListener(recorder).user("ada", "a-long-password-3", "ADMINS").start();
                S3Client s3 = AwsClients.s3(sandbox, AwsClients.user(sandbox, "ada").credentials())) {
            String bucket = sandbox.bucketName("media");
            s3.putObject(r -> r.bucket(bucket).key("products/new one.png"), RequestBody.fromString("img"));
            s3.deleteObject(r -> r.bucket(bucket).key("products/new one.png"));
            s3.deleteObject(r -> r.bucket(bucket).key("products/never-there.png"));

            assertThat(events).hasSize(2);
            StorageEvent created = events.get(0);
            assertThat(created.type()).isEqualTo(StorageEvent.Type.OBJECT_CREATED);
            assertThat(created.storage()).isEqualTo("media");
            assertThat(created.bucketName()).isEqualTo("shop-media-local");
            assertThat(created.key()).isEqualTo("products/new one.png");
            assertThat(created.size()).isEqualTo(3);
            assertThat(created.etag()).isEqualTo(ShopStorageRulesOverS3Test.md5Hex("img"));
            assertThat(created.function()).contains("thumbnails");
            assertThat(created.principal()).isEqualTo(
                    "arn:aws:sts::123456789012:assumed-role/shop-ADMINSGroupRole/CognitoIdentityCredentials");
            StorageEvent removed = events.get(1);
            assertThat(removed.type()).isEqualTo(StorageEvent.Type.OBJECT_REMOVED);
            assertThat(removed.function()).isEqualTo(Optional.empty());
            assertThat(log).anyMatch(line -> line.startsWith("storage trigger failed for ObjectCreated:Put shop-media-local/"));
        }
    }

    @Test
    void objectsAndIdentityIdsSurviveARestart() {
        String identityId;
        String sub;
        try (Sandbox sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(line -> { })
                .storageDirectory(dir).user("alice", "a-long-password-1").start()) {
            AwsClients.Identity alice = AwsClients.user(sandbox, "alice");
            identityId = alice.identityId();
            sub = sandbox.userPool().orElseThrow().user("alice").orElseThrow().sub();
            try (S3Client s3 = AwsClients.s3(sandbox, alice.credentials())) {
                s3.putObject(r -> r.bucket(sandbox.bucketName("media")).key("uploads/" + identityId + "/kept.txt"),
                        RequestBody.fromString("kept"));
            }
        }
        try (Sandbox sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(line -> { })
                .storageDirectory(dir).start()) {
            // The same user (same sub) after a restart has the same identity id, so still owns the same folder.
            assertThat(sandbox.identityPool().orElseThrow().identityIdForSub(sub)).isEqualTo(identityId);
            assertThat(sandbox.storage().store().get("shop-media-local", "uploads/" + identityId + "/kept.txt"))
                    .hasValueSatisfying(o -> assertThat(new String(o.data())).isEqualTo("kept"));
        }
    }
}
