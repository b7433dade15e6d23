package io.amplify4j.sandbox.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.server.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keys are taken literally (dot segments, double slashes, escapes, spaces, plus signs and non-ASCII are keys of their
 * own, never normalised), and ListObjectsV2 pages in S3's order with max-keys, continuation tokens, delimiters and
 * URL encoding, as the SDK's paginator reads it.
 */
class LiteralKeysAndListingTest {
    static Sandbox sandbox;
    static S3Client admin;
    static String bucket;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(line -> { })
                .user("ada", "a-long-password-3", "ADMINS").start();
        bucket = sandbox.bucketName("media");
        admin = AwsClients.s3(sandbox, AwsClients.user(sandbox, "ada").credentials());
    }

    @AfterAll
    static void stop() {
        admin.close();
        sandbox.close();
    }

    @Test
    void keysAreTakenLiterally() {
        List<String> keys = List.of("products/a/../b", "products/b", "products/./c", "products/c",
                "products/d//e", "products/d/e", "products/%2F", "products/with space+plus", "products/ünïcödé 🎈",
                "products/..", "products/x?y=z#w");
        for (String key : keys) {
            admin.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("content of " + key));
        }
        for (String key : keys) {
            assertThat(admin.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String())
                    .as(key).isEqualTo("content of " + key);
        }
        List<String> listed = admin.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("products/")).contents()
                .stream().map(S3Object::key).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(keys);
        // A key that walks out of its prefix textually is still inside it, and nothing else was touched.
        assertThat(sandbox.storage().store().get(bucket, "b")).isEmpty();
        assertThat(sandbox.storage().store().get(bucket, "products/a/../b").orElseThrow().size())
                .isEqualTo(("content of products/a/../b").length());
        keys.forEach(key -> admin.deleteObject(r -> r.bucket(bucket).key(key)));
    }

    @Test
    void listingPagesInKeyOrderWithContinuationTokens() {
        List<String> keys = IntStream.range(0, 25).mapToObj(i -> String.format("products/page/%02d.png", i)).toList();
        keys.forEach(key -> admin.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key)));

        ListObjectsV2Response first = admin.listObjectsV2(r -> r.bucket(bucket).prefix("products/page/").maxKeys(10));
        assertThat(first.keyCount()).isEqualTo(10);
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.contents()).extracting(S3Object::key).containsExactlyElementsOf(keys.subList(0, 10));
        ListObjectsV2Response second = admin.listObjectsV2(r -> r.bucket(bucket).prefix("products/page/").maxKeys(10)
                .continuationToken(first.nextContinuationToken()));
        assertThat(second.contents()).extracting(S3Object::key).containsExactlyElementsOf(keys.subList(10, 20));
        assertThat(second.continuationToken()).isEqualTo(first.nextContinuationToken());

        List<String> all = new ArrayList<>();
        int pages = 0;
        for (ListObjectsV2Response page : admin.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("products/page/")
                .maxKeys(7))) {
            pages++;
            page.contents().forEach(o -> all.add(o.key()));
        }
        assertThat(pages).isEqualTo(4);
        assertThat(all).containsExactlyElementsOf(keys);

        ListObjectsV2Response after = admin.listObjectsV2(r -> r.bucket(bucket).prefix("products/page/")
                .startAfter("products/page/22.png"));
        assertThat(after.contents()).extracting(S3Object::key).containsExactly("products/page/23.png",
                "products/page/24.png");
        assertThat(after.isTruncated()).isFalse();
        keys.forEach(key -> admin.deleteObject(r -> r.bucket(bucket).key(key)));
    }

    @Test
    void delimiterGroupsCommonPrefixesAcrossPages() {
        List<String> keys = List.of("products/tree/a.png", "products/tree/b/1.png", "products/tree/b/2.png",
                "products/tree/c.png", "products/tree/d/1.png", "products/tree/e.png");
        keys.forEach(key -> admin.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key)));
        ListObjectsV2Response whole = admin.listObjectsV2(r -> r.bucket(bucket).prefix("products/tree/")
                .delimiter("/"));
        assertThat(whole.contents()).extracting(S3Object::key).containsExactly("products/tree/a.png",
                "products/tree/c.png", "products/tree/e.png");
        assertThat(whole.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("products/tree/b/",
                "products/tree/d/");
        assertThat(whole.keyCount()).isEqualTo(5);

        List<String> seen = new ArrayList<>();
        for (ListObjectsV2Response page : admin.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("products/tree/")
                .delimiter("/").maxKeys(2))) {
            assertThat(page.keyCount()).isLessThanOrEqualTo(2);
            page.contents().forEach(o -> seen.add(o.key()));
            page.commonPrefixes().forEach(p -> seen.add(p.prefix()));
        }
        assertThat(seen).containsExactly("products/tree/a.png", "products/tree/b/", "products/tree/c.png",
                "products/tree/d/", "products/tree/e.png");
        keys.forEach(key -> admin.deleteObject(r -> r.bucket(bucket).key(key)));
    }

    @Test
    void urlEncodingTypeRoundTripsAwkwardKeys() {
        String key = "products/enc/a&b<c> d+é";
        admin.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("x"));
        ListObjectsV2Response page = admin.listObjectsV2(r -> r.bucket(bucket).prefix("products/enc/")
                .encodingType(EncodingType.URL));
        // The SDK decodes url-encoded keys back for the caller.
        assertThat(page.contents()).extracting(S3Object::key).containsExactly(key);
        ListObjectsV2Response plain = admin.listObjectsV2(r -> r.bucket(bucket).prefix("products/enc/"));
        assertThat(plain.contents()).extracting(S3Object::key).containsExactly(key);
        admin.deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Test
    void operationsOutsideTheSubsetAreNotImplementedAndChangeNothing() {
        admin.putObject(r -> r.bucket(bucket).key("products/source.txt"), RequestBody.fromString("source"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.copyObject(r -> r.sourceBucket(bucket)
                        .sourceKey("products/source.txt").destinationBucket(bucket).destinationKey("products/copy.txt")))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.s3.model.S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(501);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                });
        assertThat(sandbox.storage().store().get(bucket, "products/copy.txt")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.createMultipartUpload(r -> r.bucket(bucket)
                .key("products/big.bin"))).isInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class);
        admin.deleteObject(r -> r.bucket(bucket).key("products/source.txt"));
    }

    @Test
    void rangesReturnPartialContent() {
        String key = "products/range.txt";
        admin.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("0123456789"));
        var part = admin.getObjectAsBytes(r -> r.bucket(bucket).key(key).range("bytes=2-5"));
        assertThat(part.asUtf8String()).isEqualTo("2345");
        assertThat(part.response().contentRange()).isEqualTo("bytes 2-5/10");
        assertThat(admin.getObjectAsBytes(r -> r.bucket(bucket).key(key).range("bytes=-3")).asUtf8String())
                .isEqualTo("789");
        var head = admin.headObject(r -> r.bucket(bucket).key(key));
        assertThat(head.contentLength()).isEqualTo(10);
        admin.deleteObject(r -> r.bucket(bucket).key(key));
    }
}
