package io.amplify4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client needs from {@code amplify_outputs.json}: the GraphQL endpoint ({@code data.url}), its region, the
 * default and enabled auth modes, the API key when there is one, and the user pool ({@code auth.user_pool_id},
 * {@code auth.user_pool_client_id}, {@code auth.aws_region}) for signing in.
 *
 * @param url {@code data.url}
 * @param region {@code data.aws_region}
 * @param defaultAuthMode {@code data.default_authorization_type}
 * @param authModes {@code data.authorization_types} (the default mode included)
 * @param apiKey {@code data.api_key}
 * @param userPoolId {@code auth.user_pool_id}
 * @param userPoolClientId {@code auth.user_pool_client_id}
 * @param authRegion {@code auth.aws_region}
 */
public record AmplifyOutputs(URI url, String region, AuthMode defaultAuthMode, List<AuthMode> authModes,
        Optional<String> apiKey, Optional<String> userPoolId, Optional<String> userPoolClientId,
        Optional<String> authRegion) {

    public AmplifyOutputs {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(defaultAuthMode, "defaultAuthMode");
        authModes = List.copyOf(authModes);
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(userPoolClientId, "userPoolClientId");
        Objects.requireNonNull(authRegion, "authRegion");
    }

    /** Reads an {@code amplify_outputs.json} file. */
    public static AmplifyOutputs read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the JSON text of {@code amplify_outputs.json}.
     *
     * @throws IllegalArgumentException listing every missing or malformed entry a client needs
     */
    public static AmplifyOutputs parse(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException(source + ": `data` is missing; the backend defines no GraphQL API "
                    + "(or the file is not amplify_outputs.json)");
        }
        Optional<String> url = text(data, "url");
        Optional<String> region = text(data, "aws_region");
        Optional<String> defaultType = text(data, "default_authorization_type");
        if (url.isEmpty()) {
            problems.add("data.url is missing");
        } else if (!url.get().startsWith("https://") && !url.get().startsWith("http://")) {
            problems.add("data.url must be an http(s) URL; got `" + url.get() + "`");
        }
        if (region.isEmpty()) {
            problems.add("data.aws_region is missing");
        }
        AuthMode defaultMode = null;
        if (defaultType.isEmpty()) {
            problems.add("data.default_authorization_type is missing");
        } else {
            try {
                defaultMode = AuthMode.fromOutputsName(defaultType.get());
            } catch (IllegalArgumentException e) {
                problems.add("data.default_authorization_type: " + e.getMessage());
            }
        }
        List<AuthMode> modes = new ArrayList<>();
        if (defaultMode != null) {
            modes.add(defaultMode);
        }
        JsonNode types = data.get("authorization_types");
        if (types != null && types.isArray()) {
            for (int i = 0; i < types.size(); i++) {
                try {
                    AuthMode mode = AuthMode.fromOutputsName(types.get(i).asText());
                    if (!modes.contains(mode)) {
                        modes.add(mode);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("data.authorization_types[" + i + "]: " + e.getMessage());
                }
            }
        }
        Optional<String> apiKey = text(data, "api_key");
        if (modes.contains(AuthMode.API_KEY) && apiKey.isEmpty()) {
            problems.add("data.api_key is missing although API_KEY is an authorization type");
        }
        JsonNode auth = root.get("auth");
        Optional<String> poolId = auth == null ? Optional.empty() : text(auth, "user_pool_id");
        Optional<String> clientId = auth == null ? Optional.empty() : text(auth, "user_pool_client_id");
        Optional<String> authRegion = auth == null ? Optional.empty() : text(auth, "aws_region");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + " cannot configure a client:\n  - "
                    + String.join("\n  - ", problems));
        }
        return new AmplifyOutputs(URI.create(url.get()), region.get(), defaultMode, modes, apiKey, poolId, clientId,
                authRegion);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText());
    }
}
