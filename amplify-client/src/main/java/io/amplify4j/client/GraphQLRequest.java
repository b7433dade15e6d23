package io.amplify4j.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One GraphQL operation to send, and how to read its answer: the document, the variables, the top-level response
 * field whose value is the result ({@code "getTodo"}), the result type, and optionally the auth mode for this call
 * and extra headers. Immutable and reusable: the request for the next page is {@code toBuilder()} with another
 * {@code nextToken}.
 *
 * <pre>{@code
 * GraphQLRequest<Todo> get = GraphQLRequest.builder(Todo.class)
 *         .document("query GetTodo($id: ID!) { getTodo(id: $id) { id content done } }")
 *         .variable("id", id)
 *         .responseField("getTodo")
 *         .build();
 * }</pre>
 *
 * @param <T> the result type
 */
public final class GraphQLRequest<T> {
    private final JavaType responseType;
    private final String document;
    private final Optional<String> operationName;
    private final Map<String, Object> variables;
    private final Optional<String> responseField;
    private final Optional<AuthMode> authMode;
    private final Map<String, String> headers;

    private GraphQLRequest(Builder<T> builder) {
        this.responseType = builder.responseType;
        this.document = builder.document;
        this.operationName = builder.operationName;
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(builder.variables));
        this.responseField = builder.responseField;
        this.authMode = builder.authMode;
        this.headers = builder.headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(builder.headers));
    }

    /** A request whose result is a {@code type}. */
    public static <T> Builder<T> builder(Class<T> type) {
        return new Builder<>(TypeFactory.defaultInstance().constructType(type));
    }

    /** A request whose result is a generic type, such as {@code new TypeReference<Page<Todo>>() {}}. */
    public static <T> Builder<T> builder(TypeReference<T> type) {
        return new Builder<>(TypeFactory.defaultInstance().constructType(type));
    }

    /** A request whose result is described by a Jackson type. */
    public static <T> Builder<T> builder(JavaType type) {
        return new Builder<>(type);
    }

    /** A builder holding everything this request holds. */
    public Builder<T> toBuilder() {
        Builder<T> builder = new Builder<>(responseType);
        builder.document = document;
        builder.operationName = operationName;
        builder.variables.putAll(variables);
        builder.responseField = responseField;
        builder.authMode = authMode;
        builder.headers.putAll(headers);
        return builder;
    }

    public JavaType responseType() {
        return responseType;
    }

    public String document() {
        return document;
    }

    public Optional<String> operationName() {
        return operationName;
    }

    /** The variables in the order they were set; a variable set to {@code null} is sent as an explicit null. */
    public Map<String, Object> variables() {
        return variables;
    }

    /** The top-level field of {@code data} holding the result; when absent, the result is {@code data} itself. */
    public Optional<String> responseField() {
        return responseField;
    }

    /** The auth mode for this call; when absent, the client's default mode. */
    public Optional<AuthMode> authMode() {
        return authMode;
    }

    /** Extra HTTP headers for this call (not sent over the real-time channel). */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return "GraphQLRequest[" + operationName.orElse(responseField.orElse("anonymous")) + ", variables="
                + variables.keySet() + authMode.map(m -> ", authMode=" + m).orElse("") + "]";
    }

    /** Builds a {@link GraphQLRequest}. */
    public static final class Builder<T> {
        private final JavaType responseType;
        private String document;
        private Optional<String> operationName = Optional.empty();
        private final Map<String, Object> variables = new LinkedHashMap<>();
        private Optional<String> responseField = Optional.empty();
        private Optional<AuthMode> authMode = Optional.empty();
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder(JavaType responseType) {
            this.responseType = Objects.requireNonNull(responseType, "responseType");
        }

        /** The GraphQL document (required). */
        public Builder<T> document(String document) {
            this.document = Objects.requireNonNull(document, "document");
            return this;
        }

        /** Which operation of the document to run, when it holds several. */
        public Builder<T> operationName(String operationName) {
            this.operationName = Optional.of(operationName);
            return this;
        }

        /**
         * A variable, serialized with the client's {@code ObjectMapper}: records, {@code java.time} values, typed
         * filters and conditions all work. {@code null} sends an explicit null.
         */
        public Builder<T> variable(String name, Object value) {
            variables.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** Every entry of {@code values} as a variable. */
        public Builder<T> variables(Map<String, ?> values) {
            values.forEach(this::variable);
            return this;
        }

        /** Removes a variable, so that it is not sent at all. */
        public Builder<T> removeVariable(String name) {
            variables.remove(name);
            return this;
        }

        /** The top-level field of {@code data} whose value is the result, such as {@code "getTodo"}. */
        public Builder<T> responseField(String field) {
            this.responseField = Optional.of(field);
            return this;
        }

        /** The auth mode for this call, overriding the client's default. */
        public Builder<T> authMode(AuthMode mode) {
            this.authMode = Optional.of(mode);
            return this;
        }

        /** An extra HTTP header for this call. */
        public Builder<T> header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public GraphQLRequest<T> build() {
            if (document == null || document.isBlank()) {
                throw new IllegalStateException("GraphQLRequest needs a document: call document(\"query ...\")");
            }
            return new GraphQLRequest<>(this);
        }
    }
}
