package io.amplify4j.sandbox.js;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a resolver knows about the request it serves; becomes {@code ctx.arguments}, {@code ctx.identity},
 * {@code ctx.source}, {@code ctx.request}, {@code ctx.info} and {@code ctx.env}.
 *
 * @param arguments the field's arguments (JSON values)
 * @param authMode how the request was authorized ({@code util.authType()})
 * @param identity {@code ctx.identity} in the shape of {@code authMode} (see {@link Identities}); empty for an API
 *     key, where AppSync gives {@code null}
 * @param source the parent object for a nested field; empty (null in JS) at the top level
 * @param headers the request headers, lower-case names
 * @param domainName the custom domain name, if the request came through one
 * @param info the field being resolved
 * @param env {@code ctx.env}, the API's environment variables
 */
public record RequestContext(
        Map<String, Object> arguments,
        AuthMode authMode,
        Optional<Map<String, Object>> identity,
        Optional<Object> source,
        Map<String, String> headers,
        Optional<String> domainName,
        ResolverInfo info,
        Map<String, String> env) {
    public RequestContext {
        arguments = Json.copyMap(arguments);
        Objects.requireNonNull(authMode, "authMode");
        identity = identity.map(Json::copyMap);
        Objects.requireNonNull(source, "source");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(info, "info");
        env = Map.copyOf(env);
    }

    public static Builder builder(ResolverInfo info) {
        return new Builder(info);
    }

    /** {@code ctx} as the guest sees it before a handler adds {@code stash}, {@code prev}, {@code result} and {@code error}. */
    Map<String, Object> toContextJson() {
        var ctx = new LinkedHashMap<String, Object>();
        ctx.put("arguments", arguments);
        ctx.put("identity", identity.orElse(null));
        ctx.put("source", source.orElse(null));
        var request = new LinkedHashMap<String, Object>();
        request.put("headers", headers);
        request.put("domainName", domainName.orElse(null));
        ctx.put("request", request);
        var infoJson = new LinkedHashMap<String, Object>();
        infoJson.put("fieldName", info.fieldName());
        infoJson.put("parentTypeName", info.parentTypeName());
        infoJson.put("variables", info.variables());
        infoJson.put("selectionSetList", info.selectionSetList());
        infoJson.put("selectionSetGraphQL", info.selectionSetGraphQL());
        ctx.put("info", infoJson);
        ctx.put("env", env);
        return ctx;
    }

    /** Builds a {@link RequestContext}; everything but the field defaults to empty, and the mode to API key. */
    public static final class Builder {
        private final ResolverInfo info;
        private Map<String, Object> arguments = Map.of();
        private AuthMode authMode = AuthMode.API_KEY;
        private Optional<Map<String, Object>> identity = Optional.empty();
        private Optional<Object> source = Optional.empty();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Optional<String> domainName = Optional.empty();
        private Map<String, String> env = Map.of();

        private Builder(ResolverInfo info) {
            this.info = Objects.requireNonNull(info, "info");
        }

        public Builder arguments(Map<String, Object> arguments) {
            this.arguments = arguments;
            return this;
        }

        /** The API key mode: no identity. */
        public Builder apiKey() {
            this.authMode = AuthMode.API_KEY;
            this.identity = Optional.empty();
            return this;
        }

        public Builder identity(AuthMode authMode, Map<String, Object> identity) {
            this.authMode = Objects.requireNonNull(authMode, "authMode");
            this.identity = Optional.of(identity);
            return this;
        }

        public Builder source(Object source) {
            this.source = Optional.of(source);
            return this;
        }

        public Builder header(String name, String value) {
            this.headers.put(name, value);
            return this;
        }

        public Builder domainName(String domainName) {
            this.domainName = Optional.of(domainName);
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        public RequestContext build() {
            return new RequestContext(arguments, authMode, identity, source, headers, domainName, info, env);
        }
    }
}
