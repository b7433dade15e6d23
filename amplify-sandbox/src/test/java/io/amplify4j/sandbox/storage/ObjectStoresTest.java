package io.amplify4j.sandbox.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Both object stores behave alike; the file store keeps objects across reopening and recovers from a crash. */
class ObjectStoresTest {
    @TempDir
    Path dir;

    private ObjectStore store(String kind) {
        return kind.equals("memory") ? new MemoryObjectStore() : new FileObjectStore(dir);
    }

    private static StoredObject object(String content) {
        return new StoredObject(content.getBytes(StandardCharsets.UTF_8), "text/plain", "\"e\"",
                Instant.parse("2026-01-02T03:04:05Z"), Map.of("a", "b"), Map.of("x-amz-checksum-crc32", "AAAAAA=="));
    }

    private static List<String> keys(Iterator<ObjectStore.Summary> summaries) {
        List<String> out = new ArrayList<>();
        summaries.forEachRemaining(s -> out.add(s.key()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void putGetDeleteAndListInS3KeyOrder(String kind) {
        try (ObjectStore store = store(kind)) {
            // U+FF01 sorts after U+1F388 in Java's UTF-16 order but before it in S3's UTF-8 order.
            for (String key : List.of("p/b", "p/a", "p/\uFF01", "p/\uD83C\uDF88", "q/a", "p/../x", "o")) {
                store.put("bucket-one", key, object(key));
            }
            assertThat(keys(store.list("bucket-one", "p/", Optional.empty())))
                    .containsExactly("p/../x", "p/a", "p/b", "p/\uFF01", "p/\uD83C\uDF88");
            assertThat(keys(store.list("bucket-one", "p/", Optional.of("p/a")))).containsExactly("p/b", "p/\uFF01",
                    "p/\uD83C\uDF88");
            assertThat(keys(store.list("bucket-one", "", Optional.of("p/\uD83C\uDF88")))).containsExactly("q/a");
            StoredObject read = store.get("bucket-one", "p/a").orElseThrow();
            assertThat(new String(read.data(), StandardCharsets.UTF_8)).isEqualTo("p/a");
            assertThat(read.metadata()).containsEntry("a", "b");
            assertThat(read.checksums()).containsEntry("x-amz-checksum-crc32", "AAAAAA==");
            assertThat(read.lastModified()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
            store.put("bucket-one", "p/a", object("replaced"));
            assertThat(new String(store.get("bucket-one", "p/a").orElseThrow().data(), StandardCharsets.UTF_8))
                    .isEqualTo("replaced");
            assertThat(store.delete("bucket-one", "p/a")).isTrue();
            assertThat(store.delete("bucket-one", "p/a")).isFalse();
            assertThat(store.get("bucket-one", "p/a")).isEmpty();
            assertThat(store.get("bucket-two", "p/b")).isEmpty();
            store.clear();
            assertThat(keys(store.list("bucket-one", "", Optional.empty()))).isEmpty();
        }
    }

    @Test
    void theFileStoreKeepsObjectsAcrossReopening() {
        try (ObjectStore store = new FileObjectStore(dir)) {
            store.put("bucket-one", "a/../../etc/passwd", object("literal"));
            store.put("bucket-one", "b", object("b"));
            store.delete("bucket-one", "b");
        }
        try (ObjectStore store = new FileObjectStore(dir)) {
            assertThat(new String(store.get("bucket-one", "a/../../etc/passwd").orElseThrow().data(),
                    StandardCharsets.UTF_8)).isEqualTo("literal");
            assertThat(store.get("bucket-one", "b")).isEmpty();
            assertThat(keys(store.list("bucket-one", "", Optional.empty()))).containsExactly("a/../../etc/passwd");
        }
        // Keys never become paths: everything stays inside the bucket's directory.
        assertThat(dir.resolve("etc")).doesNotExist();
    }

    @Test
    void aCrashMidWriteLeavesTheOldObjectAndNoLitter() throws IOException {
        try (ObjectStore store = new FileObjectStore(dir)) {
            store.put("bucket-one", "k", object("old"));
        }
        // What a crash between writing the new data and replacing the description leaves behind.
        Path bucketDir = dir.resolve("bucket-one");
        Files.writeString(bucketDir.resolve("deadbeef-orphan.bin"), "new, never described");
        Files.writeString(bucketDir.resolve("deadbeef.json.tmp"), "{\"half\":");
        try (ObjectStore store = new FileObjectStore(dir)) {
            assertThat(new String(store.get("bucket-one", "k").orElseThrow().data(), StandardCharsets.UTF_8))
                    .isEqualTo("old");
        }
        try (var files = Files.list(bucketDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("deadbeef"));
        }
    }

    @Test
    void bucketNamesCannotReachOutsideTheDirectory() {
        try (ObjectStore store = new FileObjectStore(dir)) {
            Function<String, Runnable> put = bucket -> () -> store.put(bucket, "k", object("x"));
            assertThatThrownBy(put.apply("../escape")::run).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(put.apply("a/b")::run).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
