package io.amplify4j.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One JSON POST and its parsed answer: what the sign-in helpers share. */
final class JsonPost {
    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body) {}

    private JsonPost() {}

    static Answer post(HttpClient http, URI uri, Map<String, String> headers, Object body, Duration timeout) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            headers.forEach(request::header);
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode parsed;
            try {
                parsed = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (IOException e) {
                throw new SignInException("HTTP " + response.statusCode() + " from " + uri + " with a body that is "
                        + "not JSON", e);
            }
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new SignInException("Cannot reach " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("Interrupted while signing in at " + uri, e);
        }
    }
}
