package io.amplify4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.client.auth.AuthProviders;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** amplify_outputs.json configures endpoint, auth modes and the API key; what is missing is reported at once. */
class AmplifyOutputsTest {
    private static final String OUTPUTS = """
            {"version":"1.4",
             "auth":{"aws_region":"eu-west-1","user_pool_id":"eu-west-1_abc","user_pool_client_id":"client123"},
             "data":{"aws_region":"eu-west-1","url":"https://xyz.appsync-api.eu-west-1.amazonaws.com/graphql",
                     "api_key":"da2-abcdefghijklmnopqrstuvwxyz","default_authorization_type":"AMAZON_COGNITO_USER_POOLS",
                     "authorization_types":["API_KEY","AWS_IAM"]}}
            """;

    @Test
    void readsWhatAClientNeeds(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("amplify_outputs.json"), OUTPUTS);
        AmplifyOutputs outputs = AmplifyOutputs.read(file);
        assertThat(outputs.url()).isEqualTo(URI.create("https://xyz.appsync-api.eu-west-1.amazonaws.com/graphql"));
        assertThat(outputs.region()).isEqualTo("eu-west-1");
        assertThat(outputs.defaultAuthMode()).isEqualTo(AuthMode.USER_POOL);
        assertThat(outputs.authModes()).containsExactly(AuthMode.USER_POOL, AuthMode.API_KEY, AuthMode.IAM);
        assertThat(outputs.apiKey()).contains("da2-abcdefghijklmnopqrstuvwxyz");
        assertThat(outputs.userPoolId()).contains("eu-west-1_abc");
        assertThat(outputs.userPoolClientId()).contains("client123");
        assertThat(outputs.authRegion()).contains("eu-west-1");

        try (GraphQLClient client = GraphQLClient.fromOutputs(file,
                b -> b.auth(AuthMode.USER_POOL, AuthProviders.userPool("token")))) {
            assertThat(client.defaultAuthMode()).isEqualTo(AuthMode.USER_POOL);
            assertThat(client.authModes()).containsExactlyInAnyOrder(AuthMode.USER_POOL, AuthMode.API_KEY);
            assertThat(client.realtimeEndpoint()).isEqualTo(
                    URI.create("wss://xyz.appsync-realtime-api.eu-west-1.amazonaws.com/graphql"));
        }
        assertThatThrownBy(() -> GraphQLClient.fromOutputs(file, b -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the default auth mode is USER_POOL but no provider is configured for it");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> AmplifyOutputs.parse("""
                {"data":{"url":"ftp://x","default_authorization_type":"KERBEROS","authorization_types":["API_KEY"]}}
                """, "amplify_outputs.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("""
                        amplify_outputs.json cannot configure a client:
                          - data.url must be an http(s) URL; got `ftp://x`
                          - data.aws_region is missing
                          - data.default_authorization_type: Unknown authorization type `KERBEROS`: expected one of \
                        API_KEY, AMAZON_COGNITO_USER_POOLS, AWS_IAM, OPENID_CONNECT, AWS_LAMBDA
                          - data.api_key is missing although API_KEY is an authorization type""");
        assertThatThrownBy(() -> AmplifyOutputs.parse("{\"auth\":{}}", "x.json"))
                .hasMessageContaining("x.json: `data` is missing");
    }

    @Test
    void realtimeEndpointsFollowAmplifysRule() {
        assertThat(GraphQLClient.realtimeEndpointFor(URI.create("http://127.0.0.1:4000/graphql")))
                .isEqualTo(URI.create("ws://127.0.0.1:4000/graphql/realtime"));
        assertThat(GraphQLClient.realtimeEndpointFor(URI.create("https://api.example.com/graphql")))
                .isEqualTo(URI.create("wss://api.example.com/graphql/realtime"));
        assertThat(AuthMode.fromOutputsName("OPENID_CONNECT")).isEqualTo(AuthMode.OIDC);
        assertThat(AuthMode.LAMBDA.outputsName()).isEqualTo("AWS_LAMBDA");
    }
}
