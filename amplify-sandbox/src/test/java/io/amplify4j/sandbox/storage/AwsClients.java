package io.amplify4j.sandbox.storage;

import io.amplify4j.sandbox.iam.TemporaryCredentials;
import io.amplify4j.sandbox.server.Sandbox;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.s3.S3Client;

/** The real AWS SDK clients pointed at a sandbox, as a user's code would configure them. */
final class AwsClients {
    private AwsClients() {}

    /** Cognito Identity, unsigned as the SDK calls GetId and GetCredentialsForIdentity. */
    static CognitoIdentityClient cognitoIdentity(Sandbox sandbox) {
        return CognitoIdentityClient.builder()
                .endpointOverride(sandbox.baseUri())
                .region(Region.of(sandbox.region()))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    /** An S3 client with path-style addressing and these credentials, in {@code region}. */
    static S3Client s3(Sandbox sandbox, TemporaryCredentials credentials, String region) {
        return S3Client.builder()
                .endpointOverride(sandbox.baseUri())
                .forcePathStyle(true)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    static S3Client s3(Sandbox sandbox, TemporaryCredentials credentials) {
        return s3(sandbox, credentials, sandbox.region());
    }

    /** A guest identity's credentials through the identity pool. */
    static TemporaryCredentials guest(Sandbox sandbox) {
        try (CognitoIdentityClient client = cognitoIdentity(sandbox)) {
            String poolId = sandbox.identityPool().orElseThrow().poolId();
            String id = client.getId(r -> r.identityPoolId(poolId)).identityId();
            return toCredentials(client.getCredentialsForIdentity(r -> r.identityId(id)).credentials());
        }
    }

    /** A signed-in user's identity id and credentials through the identity pool, with the user's ID token. */
    static Identity user(Sandbox sandbox, String username) {
        try (CognitoIdentityClient client = cognitoIdentity(sandbox)) {
            String poolId = sandbox.identityPool().orElseThrow().poolId();
            Map<String, String> logins = Map.of(sandbox.identityPool().orElseThrow().userPoolProviderName().orElseThrow(),
                    sandbox.idToken(username));
            String id = client.getId(r -> r.identityPoolId(poolId).logins(logins)).identityId();
            Credentials credentials = client.getCredentialsForIdentity(r -> r.identityId(id).logins(logins))
                    .credentials();
            return new Identity(id, toCredentials(credentials));
        }
    }

    record Identity(String identityId, TemporaryCredentials credentials) {}

    static TemporaryCredentials toCredentials(Credentials credentials) {
        return new TemporaryCredentials(credentials.accessKeyId(), credentials.secretKey(), credentials.sessionToken(),
                credentials.expiration());
    }
}
