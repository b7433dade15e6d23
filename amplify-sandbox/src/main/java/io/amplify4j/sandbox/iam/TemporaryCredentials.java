package io.amplify4j.sandbox.iam;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary AWS credentials as STS and Cognito hand them out: an access key id ({@code ASIA...}), a secret, a
 * session token, and the instant they stop being accepted.
 */
public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
    public TemporaryCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
    }

    @Override
    public String toString() {
        // Never print the secret or the token.
        return "TemporaryCredentials[" + accessKeyId + ", expires " + expiration + "]";
    }
}
