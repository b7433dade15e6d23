package io.amplify4j.samples.shop.functions;

import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.client.function.FunctionEnvironment;
import io.amplify4j.samples.shop.client.ShopApi;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * The shop's API as the running function reaches it: the endpoint Amplify injects ({@value #ENDPOINT_VARIABLE}),
 * requests signed with the function role's credentials from Lambda's environment. One client per execution
 * environment, reused across invocations as Lambda recommends; the credentials are read at each invocation
 * because Lambda (and the sandbox) renew them.
 */
final class ShopApiAccess {
    /** The variable holding the GraphQL endpoint of data {@code amplifyData} (a placeholder in the cloud). */
    static final String ENDPOINT_VARIABLE = "amplifyData_GRAPHQL_ENDPOINT";

    private static volatile AwsCredentials credentials;
    private static ShopApi api;
    private static String apiEndpoint;

    private ShopApiAccess() {}

    /** The API for this invocation: call on the invocation's thread, first thing in the handler. */
    static synchronized ShopApi forInvocation() {
        String accessKey = FunctionEnvironment.get("AWS_ACCESS_KEY_ID");
        String secretKey = FunctionEnvironment.get("AWS_SECRET_ACCESS_KEY");
        String sessionToken = FunctionEnvironment.find("AWS_SESSION_TOKEN").orElse(null);
        credentials = sessionToken == null
                ? software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(accessKey, secretKey)
                : AwsSessionCredentials.create(accessKey, secretKey, sessionToken);
        String endpoint = FunctionEnvironment.get(ENDPOINT_VARIABLE);
        if (api == null || !endpoint.equals(apiEndpoint)) {
            if (api != null) {
                api.graphql().close();
            }
            Region region = Region.of(FunctionEnvironment.find("AWS_REGION").orElse("us-east-1"));
            GraphQLClient graphql = GraphQLClient.builder()
                    .endpoint(endpoint)
                    .auth(AuthProviders.iam(() -> credentials, region))
                    .requestTimeout(Duration.ofSeconds(20))
                    .build();
            api = new ShopApi(graphql);
            apiEndpoint = endpoint;
        }
        return api;
    }

    /** {@code name}'s integer value. */
    static int intVariable(String name) {
        String value = FunctionEnvironment.get(name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Environment variable `" + name + "` must be a whole number; got `"
                    + value + "`.", e);
        }
    }
}
