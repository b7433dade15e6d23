package io.amplify4j.sandbox.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.sandbox.server.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Every rule of the shop's storage, over the wire with the AWS SDK's S3 client, for each kind of caller: a guest
 * and signed-in users (through the identity pool), a user in ADMINS, a user in SUPPORT (a group without storage
 * rules of its own), the thumbnails function (granted get and write) and the recommend function (granted nothing).
 *
 * <pre>
 * products/*              guest read; authenticated read; ADMINS read, write, delete; thumbnails get, write
 * uploads/{entity_id}/*   the identity itself read, write, delete; ADMINS read
 * </pre>
 */
class ShopStorageRulesOverS3Test {
    static Sandbox sandbox;
    static String bucket;
    static final Map<String, S3Client> clients = new LinkedHashMap<>();
    static final Map<String, String> identityIds = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(line -> { })
                .user("alice", "a-long-password-1")
                .user("bob", "a-long-password-2")
                .user("ada", "a-long-password-3", "ADMINS")
                .user("sam", "a-long-password-4", "SUPPORT")
                .start();
        bucket = sandbox.bucketName("media");
        clients.put("guest", AwsClients.s3(sandbox, AwsClients.guest(sandbox)));
        for (String user : List.of("alice", "bob", "ada", "sam")) {
            AwsClients.Identity identity = AwsClients.user(sandbox, user);
            identityIds.put(user, identity.identityId());
            clients.put(user, AwsClients.s3(sandbox, identity.credentials()));
        }
        clients.put("thumbnails", AwsClients.s3(sandbox, sandbox.functionCredentials("thumbnails")));
        clients.put("recommend", AwsClients.s3(sandbox, sandbox.functionCredentials("recommend")));
    }

    @AfterAll
    static void stop() {
        clients.values().forEach(S3Client::close);
        sandbox.close();
    }

    private static void seed(String key, String content) {
        sandbox.storage().store().put(bucket, key, new StoredObject(content.getBytes(StandardCharsets.UTF_8),
                "text/plain", "\"seeded\"", Instant.EPOCH, Map.of(), Map.of()));
    }

    private static String uploads(String user) {
        return "uploads/" + identityIds.get(user) + "/";
    }

    /** What one caller may do, tried over the wire: each entry is "op key", allowed or not. */
    private static Map<String, Boolean> attempt(String caller, List<String> operations) {
        S3Client s3 = clients.get(caller);
        Map<String, Boolean> outcome = new LinkedHashMap<>();
        for (String operation : operations) {
            String[] parts = operation.split(" ", 2);
            String key = parts[1];
            try {
                switch (parts[0]) {
                    case "get" -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
                    case "head" -> s3.headObject(r -> r.bucket(bucket).key(key));
                    case "put" -> s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(caller));
                    case "delete" -> s3.deleteObject(r -> r.bucket(bucket).key(key));
                    case "list" -> s3.listObjectsV2(r -> r.bucket(bucket).prefix(key));
                    default -> throw new IllegalArgumentException(operation);
                }
                outcome.put(operation, true);
            } catch (S3Exception e) {
                assertThat(e.statusCode()).as(caller + " " + operation).isEqualTo(403);
                if (!parts[0].equals("head")) {
                    assertThat(e.awsErrorDetails().errorCode()).as(caller + " " + operation).isEqualTo("AccessDenied");
                }
                outcome.put(operation, false);
            }
        }
        return outcome;
    }

    private static Map<String, Boolean> expect(Object... pairs) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Boolean) pairs[i + 1]);
        }
        return out;
    }

    @Test
    void theBackendUnderTestHasTheShopsStoragePlan() {
        assertThat(BackendPlan.of(new ShopStorageBackend().define()).storage())
                .isEqualTo(BackendPlan.of(new ShopBackend().define()).storage());
    }

    @Test
    void guestsReadProductsAndNothingElse() {
        seed("products/guest.png", "p");
        seed(uploads("alice") + "guest.txt", "a");
        assertThat(attempt("guest", List.of("get products/guest.png", "head products/guest.png", "list products/",
                "put products/new.png", "delete products/guest.png", "get " + uploads("alice") + "guest.txt",
                "list uploads/", "list " + uploads("alice"), "put other/x", "list ")))
                .isEqualTo(expect("get products/guest.png", true, "head products/guest.png", true,
                        "list products/", true, "put products/new.png", false, "delete products/guest.png", false,
                        "get " + uploads("alice") + "guest.txt", false, "list uploads/", false,
                        "list " + uploads("alice"), false, "put other/x", false, "list ", false));
    }

    @Test
    void signedInUsersReadProductsAndOwnTheirUploadFolder() {
        seed("products/user.png", "p");
        seed(uploads("bob") + "bobs.txt", "b");
        String own = uploads("alice");
        String bobs = uploads("bob");
        assertThat(attempt("alice", List.of("get products/user.png", "list products/", "put products/alice.png",
                "delete products/user.png", "put " + own + "a.txt", "get " + own + "a.txt", "list " + own,
                "delete " + own + "a.txt", "get " + bobs + "bobs.txt", "put " + bobs + "x.txt",
                "delete " + bobs + "bobs.txt", "list " + bobs, "list uploads/")))
                .isEqualTo(expect("get products/user.png", true, "list products/", true,
                        "put products/alice.png", false, "delete products/user.png", false,
                        "put " + own + "a.txt", true, "get " + own + "a.txt", true, "list " + own, true,
                        "delete " + own + "a.txt", true, "get " + bobs + "bobs.txt", false,
                        "put " + bobs + "x.txt", false, "delete " + bobs + "bobs.txt", false, "list " + bobs, false,
                        "list uploads/", false));
    }

    @Test
    void adminsManageProductsReadEveryUploadAndKeepTheirOwnFolder() {
        seed("products/admin.png", "p");
        seed(uploads("bob") + "for-admin.txt", "b");
        String own = uploads("ada");
        String bobs = uploads("bob");
        assertThat(attempt("ada", List.of("put products/new-by-admin.png", "get products/admin.png", "list products/",
                "delete products/admin.png", "get " + bobs + "for-admin.txt", "list uploads/", "list " + bobs,
                "put " + bobs + "x.txt", "delete " + bobs + "for-admin.txt", "put " + own + "mine.txt",
                "delete " + own + "mine.txt")))
                .isEqualTo(expect("put products/new-by-admin.png", true, "get products/admin.png", true,
                        "list products/", true, "delete products/admin.png", true,
                        "get " + bobs + "for-admin.txt", true, "list uploads/", true, "list " + bobs, true,
                        "put " + bobs + "x.txt", false, "delete " + bobs + "for-admin.txt", false,
                        "put " + own + "mine.txt", true, "delete " + own + "mine.txt", true));
    }

    @Test
    void aGroupWithoutStorageRulesKeepsWhatSignedInUsersMayDo() {
        seed("products/support.png", "p");
        String own = uploads("sam");
        assertThat(attempt("sam", List.of("get products/support.png", "put products/support.png",
                "put " + own + "s.txt", "get " + own + "s.txt", "get " + uploads("bob") + "x", "list uploads/")))
                .isEqualTo(expect("get products/support.png", true, "put products/support.png", false,
                        "put " + own + "s.txt", true, "get " + own + "s.txt", true, "get " + uploads("bob") + "x", false,
                        "list uploads/", false));
    }

    @Test
    void aFunctionGetsExactlyItsGrantAndAnUngrantedFunctionNothing() {
        seed("products/fn.png", "p");
        seed(uploads("alice") + "fn.txt", "a");
        assertThat(attempt("thumbnails", List.of("get products/fn.png", "put products/fn-thumb.png", "list products/",
                "delete products/fn.png", "get " + uploads("alice") + "fn.txt")))
                .isEqualTo(expect("get products/fn.png", true, "put products/fn-thumb.png", true,
                        "list products/", false, "delete products/fn.png", false,
                        "get " + uploads("alice") + "fn.txt", false));
        assertThat(attempt("recommend", List.of("get products/fn.png", "list products/", "put products/r.png")))
                .isEqualTo(expect("get products/fn.png", false, "list products/", false, "put products/r.png", false));
    }

    @Test
    void writesLandWhereTheyWereAllowedAndDeletesRemove() {
        String key = uploads("alice") + "doc.txt";
        clients.get("alice").putObject(r -> r.bucket(bucket).key(key).contentType("text/markdown")
                .metadata(Map.of("purpose", "test")), RequestBody.fromString("# hello"));
        var object = clients.get("ada").getObjectAsBytes(r -> r.bucket(bucket).key(key));
        assertThat(object.asUtf8String()).isEqualTo("# hello");
        assertThat(object.response().contentType()).isEqualTo("text/markdown");
        assertThat(object.response().metadata()).containsEntry("purpose", "test");
        assertThat(object.response().eTag()).isEqualTo("\"" + md5Hex("# hello") + "\"");
        clients.get("alice").deleteObject(r -> r.bucket(bucket).key(key));
        assertThat(sandbox.storage().store().get(bucket, key)).isEmpty();
    }

    @Test
    void aMissingObjectIsNoSuchKeyOnlyForCallersWhoCouldListIt() {
        String missing = uploads("alice") + "missing.txt";
        assertThatThrownBy(() -> clients.get("alice").getObject(r -> r.bucket(bucket).key(missing)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
        // thumbnails may get products but not list them: S3 answers AccessDenied, revealing nothing.
        assertThatThrownBy(() -> clients.get("thumbnails").getObject(r -> r.bucket(bucket).key("products/none.png")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void anUnknownBucketIsNoSuchBucket() {
        assertThatThrownBy(() -> clients.get("ada").listObjectsV2(r -> r.bucket("shop-nope").prefix("products/")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
                });
    }

    @Test
    void listingShowsWhatIsUnderThePrefix() {
        seed("products/list/a.png", "a");
        seed("products/list/b.png", "b");
        List<String> keys = new ArrayList<>();
        for (S3Object object : clients.get("guest").listObjectsV2(r -> r.bucket(bucket).prefix("products/list/"))
                .contents()) {
            keys.add(object.key());
        }
        assertThat(keys).containsExactly("products/list/a.png", "products/list/b.png");
    }

    @Test
    void credentialsForAFunctionTheBackendDoesNotDefineAreRefused() {
        assertThatThrownBy(() -> sandbox.functionCredentials("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Function `nope` is not defined by this backend; defined: [recommend, restock, thumbnails].");
    }

    static String md5Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
