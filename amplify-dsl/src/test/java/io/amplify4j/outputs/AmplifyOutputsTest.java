package io.amplify4j.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.Secrets;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.manifest.Json;
import io.amplify4j.model.auth.ExternalLogin;
import io.amplify4j.model.auth.StandardAttributeName;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.testing.Golden;
import io.amplify4j.testing.OutputsSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AmplifyOutputsTest {

    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("todo", new TodoBackend()),
                Arguments.of("blog", new BlogBackend()),
                Arguments.of("shop", new ShopBackend()),
                Arguments.of("ai", new AiBackend()));
    }

    /** The outputs with every deployment value a deployed backend would have. */
    private static AmplifyOutputs.Builder deployed(BackendPlan plan) {
        AmplifyOutputs.Builder builder = AmplifyOutputs.builder(plan)
                .region("eu-west-1")
                .graphqlUrl("https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql")
                .userPool("eu-west-1_AbCdEfGhI", "1a2b3c4d5e6f7g8h9i0j1k2l3m")
                .identityPoolId("eu-west-1:0f0e0d0c-0b0a-4909-8887-868584838281");
        plan.model().data().flatMap(d -> d.authorizationModes().apiKey())
                .ifPresent(k -> builder.apiKey("da2-abcdefghijklmnopqrstuvwxyz"));
        plan.model().storage().forEach(b -> builder.bucketName(b.name(), "shop-" + b.name() + "-bucket-1x2y3z"));
        return builder;
    }

    private static JsonNode tree(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void matchesGoldenAndValidatesAgainstBothSchemaVersions(String name, BackendDefinition definition) {
        BackendPlan plan = BackendPlan.of(definition.define());
        String json = deployed(plan).build().json();

        Golden.assertMatches("outputs/" + name + ".json", json);
        assertThat(OutputsSchema.problems(json, "1.4")).isEmpty();
        String v15 = deployed(plan).version(AmplifyOutputs.SchemaVersion.V1_5).build().json();
        assertThat(OutputsSchema.problems(v15, "1.5")).isEmpty();
        assertThat(v15).isEqualTo(json.replace("\"version\" : \"1.4\"", "\"version\" : \"1.5\""));
    }

    @Test
    void theSchemaCheckCatchesWhatItShould() throws Exception {
        ObjectNode outputs = deployed(BackendPlan.of(new TodoBackend().define())).build().toJsonTree();
        ((ObjectNode) outputs.path("auth")).put("mfa_configuration", "SOMETIMES");
        ((ObjectNode) outputs.path("data")).remove("url");
        outputs.put("version", "1.4");

        assertThat(OutputsSchema.problems(Json.write(outputs))).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("mfa_configuration"))
                .anySatisfy(p -> assertThat(p).contains("url"));
    }

    @Test
    void isDeterministic() {
        BackendPlan plan = BackendPlan.of(new ShopBackend().define());
        assertThat(deployed(plan).build().json()).isEqualTo(deployed(BackendPlan.of(new ShopBackend().define()))
                .build().json());
    }

    @Test
    void shopCarriesModesGroupsMfaAndStorageAccessAsAmplifyWritesThem() throws Exception {
        JsonNode shop = tree(deployed(BackendPlan.of(new ShopBackend().define())).build().json());

        JsonNode data = shop.path("data");
        assertThat(data.path("default_authorization_type").asText()).isEqualTo("AMAZON_COGNITO_USER_POOLS");
        assertThat(data.path("authorization_types")).extracting(JsonNode::asText)
                .containsExactly("API_KEY", "AWS_IAM", "OPENID_CONNECT", "AWS_LAMBDA");
        assertThat(data.path("api_key").asText()).isEqualTo("da2-abcdefghijklmnopqrstuvwxyz");
        assertThat(data.path("model_introspection").path("models").path("Order").path("pluralName").asText())
                .isEqualTo("Orders");

        JsonNode auth = shop.path("auth");
        assertThat(auth.path("username_attributes")).extracting(JsonNode::asText).containsExactly("email");
        assertThat(auth.path("standard_required_attributes")).extracting(JsonNode::asText).containsExactly("email");
        assertThat(auth.path("mfa_configuration").asText()).isEqualTo("OPTIONAL");
        assertThat(auth.path("mfa_methods")).extracting(JsonNode::asText).containsExactly("TOTP");
        assertThat(auth.path("unauthenticated_identities_enabled").asBoolean()).isTrue();
        assertThat(auth.path("groups").get(0).path("ADMINS").path("precedence").isInt()).isTrue();
        assertThat(auth.path("password_policy").path("min_length").asInt()).isEqualTo(8);

        JsonNode storage = shop.path("storage");
        assertThat(storage.path("bucket_name").asText()).isEqualTo("shop-media-bucket-1x2y3z");
        JsonNode paths = storage.path("buckets").get(0).path("paths");
        assertThat(Json.mapper().convertValue(paths, Map.class)).isEqualTo(Map.of(
                "products/*", Map.of(
                        "guest", List.of("get", "list"),
                        "authenticated", List.of("get", "list"),
                        "groupsADMINS", List.of("get", "list", "write", "delete")),
                "uploads/{entity_id}/*", Map.of(
                        "entityidentity", List.of("get", "list", "write", "delete"),
                        "groupsADMINS", List.of("get", "list"))));
    }

    @Test
    void todoWithoutGuestRulesHasNoUnauthenticatedIdentities() throws Exception {
        JsonNode todo = tree(deployed(BackendPlan.of(new TodoBackend().define())).build().json());

        assertThat(todo.path("auth").path("unauthenticated_identities_enabled").asBoolean()).isFalse();
        assertThat(todo.path("auth").path("mfa_configuration").asText()).isEqualTo("NONE");
        assertThat(todo.path("auth").has("mfa_methods")).isFalse();
        assertThat(todo.has("storage")).isFalse();
    }

    @Test
    void externalLoginPhoneSignInAndCustomValues() throws Exception {
        BackendBuilder backend = Backend.builder("social");
        backend.auth().loginWithPhone()
                .standardAttribute(StandardAttributeName.GIVEN_NAME, true, true)
                .passwordMinLength(12)
                .externalProviders(login -> login
                        .google(Secrets.secret("GOOGLE_ID"), Secrets.secret("GOOGLE_SECRET"))
                        .signInWithApple(Secrets.secret("APPLE_ID"), Secrets.secret("APPLE_TEAM"),
                                Secrets.secret("APPLE_KEY"), Secrets.secret("APPLE_PRIVATE_KEY"), List.of("email"), Map.of())
                        .scopes(ExternalLogin.OAuthScope.OPENID, ExternalLogin.OAuthScope.EMAIL)
                        .callbackUrls("https://app.example.com/")
                        .logoutUrls("https://app.example.com/bye"));
        BackendPlan plan = BackendPlan.of(backend.build());

        String json = AmplifyOutputs.builder(plan)
                .region("us-east-1")
                .userPool("us-east-1_X", "client")
                .oauthDomain("social-example.auth.us-east-1.amazoncognito.com")
                .custom("featureFlags", Map.of("beta", true))
                .custom("environment", "staging")
                .build()
                .json();

        assertThat(OutputsSchema.problems(json)).isEmpty();
        JsonNode auth = tree(json).path("auth");
        assertThat(auth.path("username_attributes")).extracting(JsonNode::asText).containsExactly("phone_number");
        assertThat(auth.path("standard_required_attributes")).extracting(JsonNode::asText)
                .containsExactly("given_name", "phone_number");
        assertThat(auth.path("password_policy").path("min_length").asInt()).isEqualTo(12);
        JsonNode oauth = auth.path("oauth");
        assertThat(oauth.path("identity_providers")).extracting(JsonNode::asText)
                .containsExactly("GOOGLE", "SIGN_IN_WITH_APPLE");
        assertThat(oauth.path("scopes")).extracting(JsonNode::asText).containsExactly("email", "openid");
        assertThat(oauth.path("response_type").asText()).isEqualTo("code");
        assertThat(tree(json).path("custom").path("featureFlags").path("beta").asBoolean()).isTrue();
        assertThat(tree(json).path("custom").fieldNames()).toIterable().containsExactly("environment", "featureFlags");
    }

    @Test
    void namesEveryMissingDeploymentValue() {
        BackendPlan shop = BackendPlan.of(new ShopBackend().define());

        assertThatThrownBy(() -> AmplifyOutputs.builder(shop).bucketName("photos", "x").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("amplify_outputs.json of backend `shop` lacks the region: call region(\"<aws region>\");"
                        + " auth.user_pool_id and auth.user_pool_client_id: call userPool(poolId, clientId);"
                        + " data.url: call graphqlUrl(url);"
                        + " the bucket name of storage `media`: call bucketName(\"media\", name);"
                        + " nothing for bucketName(\"photos\", ...): the definition has no storage `photos`;"
                        + " remove the call.");
    }

    @Test
    void writesTheFileAtomically(@TempDir Path dir) throws Exception {
        AmplifyOutputs outputs = deployed(BackendPlan.of(new TodoBackend().define())).build();
        Path file = dir.resolve("app").resolve("amplify_outputs.json");

        outputs.writeTo(file);
        outputs.writeTo(file);

        assertThat(Files.readString(file)).isEqualTo(outputs.json());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
