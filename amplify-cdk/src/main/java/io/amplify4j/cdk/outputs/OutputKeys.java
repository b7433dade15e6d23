package io.amplify4j.cdk.outputs;

/**
 * The names of the stack outputs {@link io.amplify4j.cdk.AmplifyBackend} creates, which
 * {@link CdkOutputsReader} reads back from {@code cdk deploy --outputs-file}. One place, so the writer and the
 * reader cannot drift.
 */
public final class OutputKeys {
    public static final String REGION = "amplifyRegion";
    public static final String USER_POOL_ID = "amplifyAuthUserPoolId";
    public static final String USER_POOL_CLIENT_ID = "amplifyAuthUserPoolClientId";
    public static final String IDENTITY_POOL_ID = "amplifyAuthIdentityPoolId";
    public static final String OAUTH_DOMAIN = "amplifyAuthOAuthDomain";
    public static final String GRAPHQL_URL = "amplifyDataGraphqlUrl";
    public static final String API_KEY = "amplifyDataApiKey";

    private OutputKeys() {}

    /** The bucket name output of storage {@code storageName} (non-alphanumerics dropped, as output ids require). */
    public static String bucketName(String storageName) {
        return "amplifyStorage" + storageName.replaceAll("[^A-Za-z0-9]", "") + "BucketName";
    }
}
