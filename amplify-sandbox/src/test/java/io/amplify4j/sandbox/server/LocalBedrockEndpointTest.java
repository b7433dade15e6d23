package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.model.data.AiModel;
import io.amplify4j.sandbox.ai.BedrockModelProvider;
import io.amplify4j.sandbox.ai.ConverseStreams;
import io.amplify4j.sandbox.ai.LocalBedrockHandler;
import io.amplify4j.sandbox.ai.ModelProviderException;
import io.amplify4j.sandbox.ai.RecordedModelProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The sandbox's local Bedrock endpoint, which conversation handlers call: the real {@link BedrockModelProvider}
 * (SigV4-signed, as a function would sign) pointed at it gets the sandbox's model provider's answers, Converse as
 * JSON and ConverseStream as event-stream frames, and models no AI route names are refused.
 */
class LocalBedrockEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SONNET = AiModel.CLAUDE_3_5_SONNET.bedrockModelId();
    private static final JsonNode ANSWER = RecordedModelProvider.text("Our mugs hold 350 ml and survive dishwashers.");

    private static RecordedModelProvider models;
    private static Sandbox sandbox;
    private static String banner;

    @BeforeAll
    static void start() {
        models = RecordedModelProvider.builder().converse(SONNET, ANSWER).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sandbox = Sandbox.builder(new AiBackend()).modelProvider(models)
                .banner(new PrintStream(out, true, StandardCharsets.UTF_8)).requestLog(line -> { }).start();
        banner = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static BedrockModelProvider client() {
        return BedrockModelProvider.builder("us-east-1")
                .credentials(AwsCredentialsIdentity.create("AKIDFUNCTION", "function-secret"))
                .endpoint(sandbox.bedrockEndpoint())
                .build();
    }

    @Test
    void converseAndConverseStreamAnswerFromTheSandboxesModelProviderThroughSignedRequests() throws Exception {
        JsonNode request = JSON.readTree("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Mugs?\"}]}]}");

        assertThat(client().converse(SONNET, request)).isEqualTo(ANSWER);
        List<JsonNode> events = client().converseStream(SONNET, request);

        assertThat(events).isEqualTo(ConverseStreams.fromResponse(ANSWER));
        assertThat(models.calls(SONNET)).extracting(RecordedModelProvider.Call::operation).containsExactly(
                RecordedModelProvider.Operation.CONVERSE, RecordedModelProvider.Operation.CONVERSE_STREAM);
        assertThat(models.calls(SONNET).get(1).request()).isEqualTo(request);
    }

    @Test
    void aModelNoAiRouteNamesIsRefusedAsTheDeployedRoleWouldRefuseIt() {
        String opus = AiModel.CLAUDE_3_OPUS.bedrockModelId();

        assertThatThrownBy(() -> client().converse(opus, JSON.createObjectNode()))
                .isInstanceOfSatisfying(ModelProviderException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.errorType()).isEqualTo("AccessDeniedException");
                    assertThat(e.getMessage()).isEqualTo("The function's role is not authorized to perform:"
                            + " bedrock:InvokeModel on model `" + opus + "`: the AI routes of this backend name only ["
                            + AiModel.AMAZON_NOVA_LITE.bedrockModelId() + ", "
                            + AiModel.CLAUDE_3_5_HAIKU.bedrockModelId() + ", " + SONNET + "], and the deployed roles"
                            + " allow only those. Name the model in an AI route (aiModel(...)) to use it.");
                });
        assertThat(models.calls(opus)).isEmpty();
    }

    @Test
    void otherPathsAndMethodsAreUnknownOperations() {
        Http.Response response = Http.post(sandbox.bedrockEndpoint().resolve(LocalBedrockHandler.PATH
                + "/model/" + SONNET + "/invoke"), Map.of("content-type", "application/json"), "{}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
        assertThat(response.body()).containsOnlyKeys("message");
    }

    @Test
    void functionsAreToldTheEndpointAndTheBannerSaysWhetherAiRoutesAreLive() {
        assertThat(sandbox.bedrockEndpoint()).hasToString(sandbox.baseUri() + "/__sandbox/bedrock");
        assertThat(sandbox.functions().runtime().environment("chatHandler"))
                .containsEntry("AMPLIFY_BEDROCK_ENDPOINT", sandbox.bedrockEndpoint().toString());
        assertThat(sandbox.functions().runtime().environment("recommend"))
                .containsEntry("AMPLIFY_BEDROCK_ENDPOINT", sandbox.bedrockEndpoint().toString());
        assertThat(banner).contains("  AI routes:        live, RecordedModelProvider (a test double: recorded"
                + " responses, no model is called)\n    Bedrock for functions: " + sandbox.bedrockEndpoint() + "\n");
    }
}
