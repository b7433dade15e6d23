package io.amplify4j.client.auth;

import io.amplify4j.client.AuthMode;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The {@link AuthProvider} for each of AppSync's auth modes.
 *
 * <pre>{@code
 * AuthProviders.apiKey(outputs.apiKey());
 * AuthProviders.userPool(() -> session.idToken());             // a supplier that refreshes when needed
 * AuthProviders.iam(DefaultCredentialsProvider.create(), Region.EU_WEST_1);
 * }</pre>
 */
public final class AuthProviders {
    private AuthProviders() {}

    /** {@code x-api-key}. */
    public static AuthProvider apiKey(String apiKey) {
        return new ApiKeyAuth(apiKey);
    }

    /**
     * A Cognito user pool token (the ID token, as Amplify's clients send, or the access token) from
     * {@code token}, called for every request: let it cache and refresh (see {@link SignedInUser}).
     */
    public static AuthProvider userPool(Supplier<String> token) {
        return new TokenAuth(AuthMode.USER_POOL, token);
    }

    /** A fixed user pool token (for tests and short scripts; tokens expire after an hour). */
    public static AuthProvider userPool(String token) {
        return new TokenAuth(AuthMode.USER_POOL, () -> token);
    }

    /** An OpenID Connect provider's token from {@code token}, called for every request. */
    public static AuthProvider oidc(Supplier<String> token) {
        return new TokenAuth(AuthMode.OIDC, token);
    }

    /** A token for the API's Lambda authorizer from {@code token}, called for every request. */
    public static AuthProvider lambda(Supplier<String> token) {
        return new TokenAuth(AuthMode.LAMBDA, token);
    }

    /**
     * IAM: every request signed with SigV4 for service {@code appsync} in {@code region}, by the AWS SDK for Java
     * v2's signer, with credentials from {@code credentials} (resolved per request; the SDK's providers cache).
     * Needs {@code software.amazon.awssdk:http-auth-aws}, {@code auth} and {@code regions} on the class path.
     */
    public static AuthProvider iam(AwsCredentialsProvider credentials, Region region) {
        return new IamAuth(credentials, region, IamAuth.SERVICE, Optional.empty());
    }

    /**
     * SigV4 for another AWS service than AppSync, such as {@code bedrock}: the same signer as {@link #iam}, with
     * {@code service} as the signing name. Its {@link AuthProvider#mode()} is {@link AuthMode#IAM}.
     */
    public static AuthProvider sigV4(AwsCredentialsProvider credentials, Region region, String service) {
        return new IamAuth(credentials, region, service, Optional.empty());
    }
}
