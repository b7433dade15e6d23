package io.amplify4j.sandbox.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plain JDK HTTP client speaking to the sandbox as any AppSync client would. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {}

    /** A response: status, the JSON body as plain values, the raw text and the headers. */
    record Response(int status, Map<String, Object> body, String text, java.net.http.HttpHeaders headers) {
        Object data(String field) {
            Object data = body.get("data");
            return data instanceof Map<?, ?> map ? map.get(field) : null;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> dataMap(String field) {
            return (Map<String, Object>) data(field);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            Object errors = body.get("errors");
            return errors == null ? List.of() : (List<Map<String, Object>>) errors;
        }

        List<Object> errorTypes() {
            return errors().stream().map(e -> e.get("errorType")).toList();
        }
    }

    static Response post(URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    static Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    @SuppressWarnings("unchecked")
    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            Map<String, Object> body = text.isEmpty() ? Map.of() : JSON.readValue(text, Map.class);
            return new Response(response.statusCode(), body, text, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GraphQL POST with one auth header ({@code x-api-key} or {@code Authorization}). */
    static Response graphql(URI endpoint, String authHeader, String authValue, String query,
            Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        if (authHeader != null) {
            headers.put(authHeader, authValue);
        }
        try {
            return post(endpoint, headers, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
