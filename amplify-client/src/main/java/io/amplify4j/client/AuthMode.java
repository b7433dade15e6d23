package io.amplify4j.client;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a request to an AppSync API is authorized. Each mode names the value {@code amplify_outputs.json} uses for it
 * ({@link #outputsName()}), so a configuration read from there maps onto these constants.
 */
public enum AuthMode {
    /** {@code x-api-key} header. */
    API_KEY("API_KEY"),
    /** A Cognito user pool ID (or access) token in the {@code Authorization} header. */
    USER_POOL("AMAZON_COGNITO_USER_POOLS"),
    /** AWS Signature Version 4 with IAM credentials. */
    IAM("AWS_IAM"),
    /** An OpenID Connect provider's token in the {@code Authorization} header. */
    OIDC("OPENID_CONNECT"),
    /** A token checked by the API's Lambda authorizer, in the {@code Authorization} header. */
    LAMBDA("AWS_LAMBDA");

    private final String outputsName;

    AuthMode(String outputsName) {
        this.outputsName = outputsName;
    }

    /** The name {@code amplify_outputs.json} uses ({@code data.default_authorization_type}). */
    public String outputsName() {
        return outputsName;
    }

    /**
     * The mode {@code amplify_outputs.json} calls {@code name}.
     *
     * @throws IllegalArgumentException naming the accepted values, for anything else
     */
    public static AuthMode fromOutputsName(String name) {
        for (AuthMode mode : values()) {
            if (mode.outputsName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown authorization type `" + name + "`: expected one of "
                + Arrays.stream(values()).map(AuthMode::outputsName).collect(Collectors.joining(", ")));
    }
}
