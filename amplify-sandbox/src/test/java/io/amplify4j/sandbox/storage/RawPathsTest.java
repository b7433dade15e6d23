package io.amplify4j.sandbox.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.server.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paths the storage endpoint must see unnormalised (the server accepts ambiguous URIs for it) are harmless
 * elsewhere: dot segments and encoded slashes outside a bucket get the sandbox's ordinary answers, never a crash.
 */
class RawPathsTest {
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(line -> { }).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Sends a request line exactly as written (no client normalises it) and returns the status line. */
    static String statusOf(String method, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    @Test
    void ambiguousPathsOutsideBucketsGetOrdinaryAnswers() throws IOException {
        assertThat(statusOf("GET", "/../graphql")).matches("HTTP/1.1 (400|404|405) .*");
        assertThat(statusOf("GET", "/graphql/../../x")).matches("HTTP/1.1 (400|404) .*");
        assertThat(statusOf("GET", "/a%2F..%2F..%2Fgraphql")).matches("HTTP/1.1 (400|404|405) .*");
        assertThat(statusOf("POST", "/__sandbox/%2e%2e/__sandbox/reset")).matches("HTTP/1.1 (400|404|415) .*");
    }

    @Test
    void dotSegmentsInsideABucketAreKeysAndStillNeedASignature() throws IOException {
        String bucket = sandbox.bucketName("media");
        assertThat(statusOf("GET", "/" + bucket + "/products/../uploads/x")).startsWith("HTTP/1.1 403");
        assertThat(statusOf("GET", "/" + bucket + "/products/%2e%2e/uploads/x")).startsWith("HTTP/1.1 403");
        assertThat(statusOf("GET", "/" + bucket + "/a//b")).startsWith("HTTP/1.1 403");
        // Known limit: a key whose leading dot segments climb above the bucket is refused by the HTTP layer itself.
        assertThat(statusOf("GET", "/" + bucket + "/../../../etc/passwd")).startsWith("HTTP/1.1 400");
    }
}
