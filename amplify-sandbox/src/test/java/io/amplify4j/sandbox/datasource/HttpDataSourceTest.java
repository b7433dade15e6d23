package io.amplify4j.sandbox.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The HTTP data source: the request object AppSync sends, and {@code ctx.result} as AppSync builds it. */
class HttpDataSourceTest {
    private final AtomicReference<HttpDataSource.Call> received = new AtomicReference<>();
    private final HttpDataSource source = new HttpDataSource(call -> {
        received.set(call);
        return new HttpDataSource.Reply(201, Map.of("Content-Type", "application/json"),
                "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    });

    private static Map<String, Object> request(String method, String path, Map<String, Object> params) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", method);
        request.put("resourcePath", path);
        if (params != null) {
            request.put("params", params);
        }
        return request;
    }

    @Test
    void theResultIsStatusHeadersAndTheBodyAsAString() throws Exception {
        Object result = source.invoke(request("POST", "/model/m/converse", Map.of(
                "headers", Map.of("Content-Type", "application/json"),
                "query", Map.of("limit", 5L),
                "body", "{\"messages\":[]}")));

        assertThat(result).isEqualTo(Map.of("statusCode", 201L, "headers", Map.of("Content-Type", "application/json"),
                "body", "{\"ok\":true}"));
        HttpDataSource.Call call = received.get();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.resourcePath()).isEqualTo("/model/m/converse");
        assertThat(call.query()).isEqualTo(Map.of("limit", "5"));
        assertThat(call.header("content-type")).hasValue("application/json");
        assertThat(new String(call.body(), StandardCharsets.UTF_8)).isEqualTo("{\"messages\":[]}");
    }

    @Test
    void anObjectBodyIsSentAsJson() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", List.of(Map.of("role", "user")));
        body.put("system", List.of(Map.of("text", "Be brief.")));

        source.invoke(request("post", "/x", Map.of("body", body)));

        assertThat(received.get().method()).isEqualTo("POST");
        assertThat(new String(received.get().body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"messages\":[{\"role\":\"user\"}],\"system\":[{\"text\":\"Be brief.\"}]}");
    }

    @Test
    void requestsAppSyncWouldNotSendEndInCtxError() {
        assertThatThrownBy(() -> source.invoke(request("TRACE", "/x", null)))
                .isInstanceOfSatisfying(DataSourceException.class, e -> {
                    assertThat(e.type()).isEqualTo("HTTP:IllegalArgument");
                    assertThat(e.getMessage()).isEqualTo("The HTTP request's `method` must be one of GET, POST,"
                            + " PUT, DELETE or PATCH; got TRACE.");
                });
        assertThatThrownBy(() -> source.invoke(request("GET", "model/x", null)))
                .hasMessage("The HTTP request's `resourcePath` must be a string starting with /; got model/x.");
        assertThatThrownBy(() -> source.invoke(request("GET", "/x", Map.of("headers", Map.of("Host", "evil")))))
                .hasMessage("HTTP header `Host` cannot be set by a resolver.");
        assertThatThrownBy(() -> source.invoke(request("GET", "/x", Map.of("headers", Map.of("X-Count", 3L)))))
                .hasMessage("HTTP header `X-Count` must be a string.");
        assertThat(received.get()).isNull();
    }
}
