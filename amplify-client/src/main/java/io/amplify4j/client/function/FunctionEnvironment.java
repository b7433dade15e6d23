package io.amplify4j.client.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A Java function's environment variables as its handler should read them, in the cloud and in the sandbox alike.
 *
 * <p>In the cloud, amplify-cdk's {@code AmplifyFunction} never puts resource names or secrets in the environment:
 * such a variable holds the placeholder {@value #RUNTIME_PLACEHOLDER}, and {@value #SSM_CONFIG} (JSON, variable
 * → {@code {"path": parameter}}) or {@value #SECRETS_MANAGER_CONFIG} (variable → {@code {"secretId": name}})
 * says where the value is kept. The local sandbox puts the real values in the environment. {@link #get(String)}
 * answers both: the variable's value, or, for a placeholder, the SSM parameter (decrypted) or the secret, fetched
 * once and kept for the life of the execution environment.
 *
 * <p>Fetching uses the AWS SDK v2 {@code ssm} and {@code secretsmanager} clients, optional dependencies of
 * amplify-client: a function deployed with placeholders must bundle them. Nothing of the SDK is loaded while every
 * variable holds its value (as in the sandbox).
 */
public final class FunctionEnvironment {
    /** What a variable resolved at run time holds in the cloud (Amplify's text). */
    public static final String RUNTIME_PLACEHOLDER = "<value will be resolved during runtime>";
    /** JSON: variable → {@code {"path": SSM parameter name}}. */
    public static final String SSM_CONFIG = "AMPLIFY_SSM_ENV_CONFIG";
    /** JSON: variable → {@code {"secretId": Secrets Manager secret name}}. */
    public static final String SECRETS_MANAGER_CONFIG = "AMPLIFY4J_SECRETS_MANAGER_ENV_CONFIG";

    /** Where placeholder values are kept: SSM Parameter Store and Secrets Manager. */
    public interface Store {
        /** The value of SSM parameter {@code path}, decrypted when it is a SecureString. */
        String ssmParameter(String path);

        /** The string value of Secrets Manager secret {@code secretId}. */
        String secret(String secretId);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FunctionEnvironment PROCESS = new FunctionEnvironment(System::getenv, null);

    private final UnaryOperator<String> environment;
    private final Store store; // null: the AWS SDK store, made on first need
    private volatile Store defaultStore;
    private final Map<String, String> fetched = new ConcurrentHashMap<>();

    private FunctionEnvironment(UnaryOperator<String> environment, Store store) {
        this.environment = environment;
        this.store = store;
    }

    /**
     * The variable {@code name} of this process's environment, resolved from SSM or Secrets Manager when it holds
     * the placeholder.
     *
     * @throws IllegalStateException when the variable is not set, or holds the placeholder without a configuration
     *     naming where its value is kept, or its value cannot be fetched
     */
    public static String get(String name) {
        return PROCESS.value(name);
    }

    /** {@link #get(String)}, or empty when the variable is not set at all. */
    public static Optional<String> find(String name) {
        return PROCESS.findValue(name);
    }

    /**
     * An environment read from {@code environment} (a variable's value or null), fetching placeholders from SSM
     * and Secrets Manager with the AWS SDK, as {@link #get(String)} does. For a handler that is given its
     * environment rather than reading the process's (in tests, or a handler run as a sandbox stand-in).
     */
    public static FunctionEnvironment of(UnaryOperator<String> environment) {
        return new FunctionEnvironment(Objects.requireNonNull(environment, "environment"), null);
    }

    /** An environment read from {@code environment} (a variable's value or null), fetching placeholders from {@code store}. */
    public static FunctionEnvironment of(UnaryOperator<String> environment, Store store) {
        return new FunctionEnvironment(Objects.requireNonNull(environment, "environment"),
                Objects.requireNonNull(store, "store"));
    }

    /** The variable's value, resolved when it is the placeholder; see {@link #get(String)}. */
    public String value(String name) {
        return findValue(name).orElseThrow(() -> new IllegalStateException("Environment variable `" + name
                + "` is not set. Grant the function access to what it names in the backend definition (or set it"
                + " with environment(..)), and redeploy or restart the sandbox."));
    }

    /** The variable's value, resolved when it is the placeholder; empty when it is not set. */
    public Optional<String> findValue(String name) {
        String value = environment.apply(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.equals(RUNTIME_PLACEHOLDER)) {
            return Optional.of(value);
        }
        return Optional.of(fetched.computeIfAbsent(name, this::fetch));
    }

    private String fetch(String name) {
        Optional<String> path = configured(SSM_CONFIG, name, "path");
        Optional<String> secretId = path.isPresent() ? Optional.empty()
                : configured(SECRETS_MANAGER_CONFIG, name, "secretId");
        if (path.isEmpty() && secretId.isEmpty()) {
            throw new IllegalStateException("Environment variable `" + name + "` holds the placeholder `"
                    + RUNTIME_PLACEHOLDER + "`, but neither " + SSM_CONFIG + " nor " + SECRETS_MANAGER_CONFIG
                    + " names where its value is kept. Deploy the function with amplify-cdk's AmplifyFunction, which"
                    + " sets both.");
        }
        try {
            String value = path.isPresent() ? store().ssmParameter(path.get()) : store().secret(secretId.get());
            if (value == null) {
                throw new IllegalStateException("no value");
            }
            return value;
        } catch (RuntimeException | LinkageError e) {
            String where = path.map(p -> "SSM parameter `" + p + "`")
                    .orElseGet(() -> "Secrets Manager secret `" + secretId.get() + "`");
            throw new IllegalStateException("Environment variable `" + name + "`: cannot read its value from "
                    + where + ": " + e.getMessage() + (e instanceof LinkageError ? " (bundle the AWS SDK v2 ssm and"
                    + " secretsmanager modules with the function)" : "") + ".", e);
        }
    }

    /** {@code config[name][field]} of the JSON configuration variable {@code config}, when present. */
    private Optional<String> configured(String config, String name, String field) {
        String text = environment.apply(config);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        JsonNode entry;
        try {
            entry = JSON.readTree(text).path(name).path(field);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Environment variable `" + config + "` is not valid JSON ("
                    + e.getOriginalMessage() + "); it should map variables to {\"" + field + "\": ...}.", e);
        }
        return entry.isTextual() && !entry.asText().isEmpty() ? Optional.of(entry.asText()) : Optional.empty();
    }

    private Store store() {
        if (store != null) {
            return store;
        }
        Store made = defaultStore;
        if (made == null) {
            synchronized (this) {
                made = defaultStore;
                if (made == null) {
                    made = new AwsStore();
                    defaultStore = made;
                }
            }
        }
        return made;
    }
}
