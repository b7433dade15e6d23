package io.amplify4j.sandbox.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.server.Sandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Browsers: preflights and responses follow the bucket's CORS rule (the shop allows https://shop.example.com). */
class CorsTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Sandbox sandbox;
    static URI object;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(line -> { }).start();
        object = sandbox.baseUri().resolve("/" + sandbox.bucketName("media") + "/products/a.png");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> preflight(String origin, String method) {
        return send(HttpRequest.newBuilder(object).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,x-amz-date").build());
    }

    @Test
    void anAllowedOriginGetsThePreflightAnswered() {
        HttpResponse<String> response = preflight("https://shop.example.com", "PUT");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example.com");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, HEAD, PUT, POST, DELETE");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).contains("authorization,x-amz-date");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).contains("3000");
    }

    @Test
    void otherOriginsAndMethodsAreRefused() {
        HttpResponse<String> origin = preflight("https://evil.example.com", "GET");
        assertThat(origin.statusCode()).isEqualTo(403);
        assertThat(origin.body()).contains("<Code>AccessForbidden</Code>");
        assertThat(origin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight("https://shop.example.com", "PATCH").statusCode()).isEqualTo(403);
    }

    @Test
    void responsesToAnAllowedOriginCarryTheCorsHeadersEvenWhenRefused() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(object).GET()
                .header("Origin", "https://shop.example.com").build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example.com");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .contains("x-amz-server-side-encryption, x-amz-request-id, x-amz-id-2, ETag");
        HttpResponse<String> foreign = send(HttpRequest.newBuilder(object).GET()
                .header("Origin", "https://evil.example.com").build());
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
