package io.amplify4j.sandbox.ai;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the sandbox looks for AWS credentials and a region to call Amazon Bedrock with: environment variables,
 * system properties and the shared AWS files under a home directory, as the AWS SDK's default chain reads them
 * (without the EC2 instance metadata service, which the sandbox never calls).
 *
 * @param variables environment variables ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 *     {@code AWS_SESSION_TOKEN}, {@code AWS_PROFILE}, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION},
 *     {@code AWS_SHARED_CREDENTIALS_FILE}, {@code AWS_CONFIG_FILE})
 * @param properties system properties ({@code aws.accessKeyId}, {@code aws.secretAccessKey},
 *     {@code aws.sessionToken}, {@code aws.profile}, {@code aws.region})
 * @param home the home directory holding {@code .aws/credentials} and {@code .aws/config}
 */
public record AwsEnvironment(Map<String, String> variables, Map<String, String> properties, Path home) {
    public AwsEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
        Objects.requireNonNull(home, "home");
    }

    /** This process's environment, system properties and the user's home directory. */
    public static AwsEnvironment system() {
        Map<String, String> properties = new java.util.HashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key instanceof String name && value instanceof String text && name.startsWith("aws.")) {
                properties.put(name, text);
            }
        });
        return new AwsEnvironment(System.getenv(), properties, Path.of(System.getProperty("user.home", ".")));
    }

    /** An environment with only {@code variables}, no system properties, and AWS files under {@code home}. */
    public static AwsEnvironment of(Map<String, String> variables, Path home) {
        return new AwsEnvironment(variables, Map.of(), home);
    }

    /** A non-blank environment variable. */
    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    /** A non-blank system property. */
    Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name)).filter(value -> !value.isBlank());
    }

    /** The profile to use: {@code AWS_PROFILE}, {@code aws.profile}, else {@code default}. */
    String profileName() {
        return property("aws.profile").or(() -> variable("AWS_PROFILE")).orElse("default");
    }

    /** The shared credentials file: {@code AWS_SHARED_CREDENTIALS_FILE} or {@code ~/.aws/credentials}. */
    Path credentialsFile() {
        return variable("AWS_SHARED_CREDENTIALS_FILE").map(Path::of)
                .orElse(home.resolve(".aws").resolve("credentials"));
    }

    /** The shared config file: {@code AWS_CONFIG_FILE} or {@code ~/.aws/config}. */
    Path configFile() {
        return variable("AWS_CONFIG_FILE").map(Path::of).orElse(home.resolve(".aws").resolve("config"));
    }
}
