package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.Secrets;
import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.model.auth.ExternalLogin;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.testing.OutputsSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Sandbox#outputs}: an {@code amplify_outputs.json} that points at the running sandbox and validates. */
class SandboxOutputsTest {

    @Test
    void theBlogsOutputsPointAtTheSandbox() throws Exception {
        try (Sandbox sandbox = Sandbox.builder(new BlogBackend()).banner(null).requestLog(l -> {}).start()) {
            String json = sandbox.outputs("eu-central-1").json();
            assertThat(OutputsSchema.problems(json)).isEmpty();
            JsonNode outputs = Http.JSON.readTree(json);
            assertThat(outputs.path("data").path("url").asText()).isEqualTo(sandbox.graphqlEndpoint().toString());
            assertThat(outputs.path("data").path("aws_region").asText()).isEqualTo("eu-central-1");
            assertThat(outputs.path("data").path("api_key").asText()).isEqualTo(sandbox.apiKey().orElseThrow());
            assertThat(outputs.path("data").path("model_introspection").path("models").has("PostTag")).isTrue();
            assertThat(outputs.path("auth").path("user_pool_id").asText())
                    .isEqualTo(sandbox.userPool().orElseThrow().poolId());
            assertThat(outputs.has("storage")).isFalse();
        }
    }

    @Test
    void bucketsGetLocalNamesAndExternalLoginTheSandboxAsItsDomain() throws Exception {
        BackendBuilder backend = Backend.builder("Photo_App");
        backend.auth().loginWithEmail().externalProviders(login -> login
                .google(Secrets.secret("GOOGLE_ID"), Secrets.secret("GOOGLE_SECRET"))
                .scopes(ExternalLogin.OAuthScope.OPENID)
                .callbackUrls("http://localhost:3000/")
                .logoutUrls("http://localhost:3000/"));
        ModelBuilder photo = backend.data().model("Photo");
        photo.string("title").required();
        photo.authorization(allow -> List.of(allow.owner()));
        backend.storage("Pictures_2", bucket -> bucket.access("photos/{entity_id}/*",
                allow -> List.of(allow.entity().to(StorageAction.READ, StorageAction.WRITE))));

        try (Sandbox sandbox = Sandbox.builder(backend.build()).banner(null).requestLog(l -> {}).start()) {
            String json = sandbox.outputs(Sandbox.DEFAULT_OUTPUTS_REGION).json();
            assertThat(OutputsSchema.problems(json)).isEmpty();
            JsonNode outputs = Http.JSON.readTree(json);
            assertThat(sandbox.bucketName("Pictures_2")).isEqualTo("photo-app-pictures-2-local");
            assertThat(outputs.path("auth").path("identity_pool_id").asText())
                    .isEqualTo(sandbox.identityPool().orElseThrow().poolId());
            assertThat(outputs.path("storage").path("bucket_name").asText()).isEqualTo("photo-app-pictures-2-local");
            assertThat(outputs.path("storage").path("buckets").get(0).path("paths").path("photos/{entity_id}/*")
                    .path("entityidentity")).extracting(JsonNode::asText).containsExactly("get", "list", "write");
            assertThat(outputs.path("auth").path("oauth").path("domain").asText())
                    .isEqualTo("127.0.0.1:" + sandbox.port());
            assertThat(outputs.path("custom").path("amplify4j_sandbox").path("jwks_url").asText())
                    .isEqualTo(sandbox.baseUri() + "/.well-known/jwks.json");
        }
    }
}
