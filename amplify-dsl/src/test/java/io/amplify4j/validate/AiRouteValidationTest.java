package io.amplify4j.validate;

import static io.amplify4j.model.data.ModelOperation.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.CustomTypeBuilder;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.DataType;
import io.amplify4j.dsl.FunctionRef;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.QueryBuilder;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.AiModel;
import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.ConversationDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.DisabledOperation;
import io.amplify4j.model.data.InferenceConfiguration;
import io.amplify4j.model.function.FunctionCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Generation and conversation routes: every problem at once, each with its place and its fix. */
class AiRouteValidationTest {
    private static final Path JAR = Path.of("target/ai-functions.jar");

    @Test
    void theAiFixtureIsValid() {
        assertThat(BackendValidator.problems(new AiBackend().define())).isEmpty();
    }

    @Test
    void generationRouteProblemsAreReportedTogether() {
        BackendBuilder backend = Backend.builder("gen");
        backend.auth().loginWithEmail();
        DataBuilder data = backend.data();
        ModelBuilder note = data.model("Note");
        note.string("text");
        note.authorization(allow -> List.of(allow.owner()));
        CustomTypeBuilder node = data.customType("Node", t -> t.string("label"));
        node.customType("parent", node);
        data.generation("noModel")
                .systemPrompt("Say hi.")
                .returns(DataType.string())
                .authorization(allow -> List.of(allow.authenticated()));
        data.generation("badSettings")
                .aiModel(AiModel.AMAZON_NOVA_MICRO)
                .systemPrompt("  ")
                .inferenceConfiguration(c -> c.maxTokens(0).temperature(1.5).topP(-0.1))
                .returns(DataType.ref(note))
                .authorization(allow -> List.of(allow.authenticated()));
        data.generation("tree")
                .aiModel(AiModel.AMAZON_NOVA_MICRO)
                .systemPrompt("Draw a tree.")
                .returns(DataType.ref(node))
                .authorization(allow -> List.of(allow.authenticated()));
        data.generation("unguarded")
                .aiModel(AiModel.AMAZON_NOVA_MICRO)
                .systemPrompt("Say hi.");

        assertThat(problems(backend)).containsExactly(
                "data.operations.noModel: Generation route `noModel` has no AI model. Name one with aiModel(...), "
                        + "for example aiModel(AiModel.CLAUDE_3_5_HAIKU).",
                "data.operations.unguarded: Custom query `unguarded` has no return type. Declare what it returns "
                        + "with returns(...).",
                "data.operations.unguarded: Custom operation `unguarded` requires both an authorization rule and a "
                        + "handler; it has no authorization rule. Add rules with authorization(...).",
                "data.operations.badSettings.systemPrompt: Generation route `badSettings` has no system prompt. "
                        + "Tell the model what to do with systemPrompt(...).",
                "data.operations.badSettings.inferenceConfiguration.maxTokens: maxTokens of Generation route "
                        + "`badSettings` must be at least 1; got 0. Use a positive number of tokens.",
                "data.operations.badSettings.inferenceConfiguration.temperature: temperature of Generation route "
                        + "`badSettings` must be between 0 and 1; got 1.5. Use a value from 0 to 1.",
                "data.operations.badSettings.inferenceConfiguration.topP: topP of Generation route `badSettings` "
                        + "must be between 0 and 1; got -0.1. Use a value from 0 to 1.",
                "data.operations.badSettings.returns: Generation route `badSettings` returns model `Note`, but the "
                        + "model's answer is not a stored item: a generation route returns a custom type, an enum or "
                        + "a scalar. Return a custom type with the fields you need.",
                "data.operations.tree.returns: Generation route `tree` returns custom type `Node`, which contains "
                        + "itself, but structured output needs a finite JSON schema. Return a type without the "
                        + "cycle.");
    }

    @Test
    void conversationRouteProblemsAreReportedTogether() {
        BackendBuilder backend = Backend.builder("conv");
        FunctionRef script = backend.function("script", fn -> fn.assetHandler(Path.of("functions/script"),
                "index.handler", FunctionCode.AssetRuntime.NODEJS_22));
        DataBuilder data = backend.data();
        data.authorizationModes(m -> m.apiKey());
        ModelBuilder archive = data.model("Archive");
        archive.string("title");
        archive.disableOperations(DisabledOperation.LIST);
        archive.authorization(allow -> List.of(allow.publicApiKey()));
        QueryBuilder search = data.query("search")
                .argument("text", DataType.string())
                .returns(DataType.string().array())
                .handler(script)
                .authorization(allow -> List.of(allow.publicApiKey()));
        data.conversation("chat")
                .aiModel(AiModel.CLAUDE_3_HAIKU)
                .inferenceConfiguration(c -> c.topP(2))
                .tool("search", "Searches.", search)
                .tool("search", "Searches again.", search)
                .tool("list archive", " ", archive)
                .handler(script)
                .authorization(allow -> List.of(allow.owner()));
        data.conversation("help").aiModel(AiModel.CLAUDE_3_HAIKU).systemPrompt("Help.");

        assertThat(problems(backend)).containsExactly(
                "data.conversations.chat.systemPrompt: Conversation route `chat` has no system prompt. Tell the "
                        + "model what to do with systemPrompt(...).",
                "data.conversations.chat.inferenceConfiguration.topP: topP of Conversation route `chat` must be "
                        + "between 0 and 1; got 2.0. Use a value from 0 to 1.",
                "data.conversations.chat.rules[0]: Rule `owner` on conversation route `chat` uses the userPools "
                        + "provider, but the backend defines no auth. Define auth, which creates the user pool, or "
                        + "use another provider.",
                "data.conversations.chat.tools[1]: Tool `search` of Conversation route `chat` is declared more than "
                        + "once. Give each tool its own name.",
                "data.conversations.chat.tools[2]: Tool name `list archive` of Conversation route `chat` is "
                        + "invalid: Bedrock takes 1 to 64 letters, digits, `_` or `-`. Rename the tool.",
                "data.conversations.chat.tools[2]: Tool `list archive` of Conversation route `chat` has no "
                        + "description; the model reads it to decide when to use the tool. Describe what the tool "
                        + "does.",
                "data.conversations.chat.tools[2]: Tool `list archive` of Conversation route `chat` lists model "
                        + "`Archive`, which disables its list operation. Enable the list operation or use another "
                        + "tool.",
                "data.conversations.chat.handlerFunction: Handler function `script` of Conversation route `chat` is "
                        + "not a Java function; conversation handlers run in Java. Give it a Java handler (such as "
                        + "`io.amplify4j.client.ai.ConversationHandler`), or leave handler(...) out to use the "
                        + "default one.",
                "data.conversations.help: Conversation route `help` has no authorization rule. Conversations belong "
                        + "to their owner: add authorization(allow -> List.of(allow.owner())).",
                "data.conversations.help.handlerFunction: Conversation route `help` has no handler function, and "
                        + "the default handler `io.amplify4j.client.ai.ConversationHandler` is not on the class "
                        + "path. Add amplify-client to the class path (and to the functions' jar), or declare the "
                        + "route's handler with handler(fn).");
    }

    @Test
    void namesTheRoutesGenerateMustBeFree() {
        BackendBuilder backend = Backend.builder("names");
        backend.auth().loginWithEmail();
        FunctionRef handler = backend.function("turns", fn -> fn.javaHandler("com.example.Turns", JAR));
        backend.function("helpConversationHandler", fn -> fn.javaHandler("com.example.Help", JAR));
        DataBuilder data = backend.data();
        ModelBuilder taken = data.model("ConversationChat");
        taken.string("topic");
        taken.authorization(allow -> List.of(allow.owner()));
        data.customType("ContentBlock", t -> t.string("text"));
        data.mutation("createAssistantResponseChat")
                .returns(DataType.string())
                .handler(handler)
                .authorization(allow -> List.of(allow.authenticated()));
        data.conversation("chat").aiModel(AiModel.CLAUDE_3_HAIKU).systemPrompt("Chat.").handler(handler)
                .authorization(allow -> List.of(allow.owner()));
        data.conversation("help").aiModel(AiModel.CLAUDE_3_HAIKU).systemPrompt("Help.")
                .authorization(allow -> List.of(allow.owner()));

        assertThat(problems(backend)).containsExactly(
                "data.conversations.help.handlerFunction: Conversation route `help` adds its default handler "
                        + "function `helpConversationHandler`, but the backend already defines a function of that "
                        + "name. Pass that function with handler(fn), or rename it.",
                "data.conversations.help.handlerFunction: Conversation route `help` has no handler function, and "
                        + "the default handler `io.amplify4j.client.ai.ConversationHandler` is not on the class "
                        + "path. Add amplify-client to the class path (and to the functions' jar), or declare the "
                        + "route's handler with handler(fn).",
                "data.conversations.chat: Conversation route `chat` generates the model `ConversationChat`, which "
                        + "collides with model `ConversationChat`. Rename one of them.",
                "data.conversations.chat: Conversation route `chat` generates the type `ContentBlock`, which "
                        + "collides with custom type `ContentBlock`. Rename one of them.",
                "data.conversations.chat: Conversation route `chat` generates the operation "
                        + "`createAssistantResponseChat`, which collides with custom operation "
                        + "`createAssistantResponseChat`. Rename one of them.");
    }

    @Test
    void twoRoutesMayNotGenerateTheSameNames() {
        BackendBuilder backend = Backend.builder("twins");
        backend.auth().loginWithEmail();
        FunctionRef handler = backend.function("turns", fn -> fn.javaHandler("com.example.Turns", JAR));
        for (String route : List.of("chat", "Chat")) {
            backend.data().conversation(route).aiModel(AiModel.CLAUDE_3_HAIKU).systemPrompt("Chat.").handler(handler)
                    .authorization(allow -> List.of(allow.owner()));
        }
        assertThat(problems(backend)).containsExactly(
                "data.conversations.Chat: Conversation routes `chat` and `Chat` both generate the model "
                        + "`ConversationChat`. Rename one of the routes.",
                "data.conversations.Chat: Conversation routes `chat` and `Chat` both generate the model "
                        + "`ConversationMessageChat`. Rename one of the routes.",
                "data.conversations.Chat: Conversation routes `chat` and `Chat` both generate the type "
                        + "`CreateAssistantResponseChat`. Rename one of the routes.",
                "data.conversations.Chat: Conversation routes `chat` and `Chat` both generate the type "
                        + "`CreateAssistantResponseStreamChat`. Rename one of the routes.",
                "data.conversations.Chat: Conversation routes `chat` and `Chat` both generate the operation "
                        + "`createAssistantResponseChat`. Rename one of the routes.",
                "data.conversations.Chat: Conversation routes `chat` and `Chat` both generate the operation "
                        + "`createAssistantResponseStreamChat`. Rename one of the routes.",
                "data.conversations.Chat: Conversation routes `chat` and `Chat` both generate the operation "
                        + "`onCreateAssistantResponseChat`. Rename one of the routes.");
    }

    @Test
    void aRouteWhoseCodeWouldNotFitAppSyncIsRefused() {
        BackendBuilder backend = Backend.builder("wide");
        backend.auth().loginWithEmail();
        FunctionRef handler = backend.function("turns", fn -> fn.javaHandler("com.example.Turns", JAR));
        ModelBuilder record = backend.data().model("Record");
        for (int i = 0; i < 60; i++) {
            record.string("attribute" + i);
        }
        record.authorization(allow -> List.of(allow.owner()));
        io.amplify4j.dsl.ConversationBuilder chat = backend.data().conversation("chat")
                .aiModel(AiModel.CLAUDE_3_HAIKU).systemPrompt("Chat.").handler(handler)
                .authorization(allow -> List.of(allow.owner()));
        for (int i = 0; i < 6; i++) {
            chat.tool("records" + i, "Lists records.", record);
        }
        List<String> found = problems(backend);
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).matches("data\\.conversations\\.chat: The code of function "
                + "`MutationChatHandler` for `Mutation\\.chat` has \\d+ characters, over AppSync's limit of 32768\\. "
                + "Offer fewer tools, or tools on models and queries with fewer fields\\.");
    }

    @Test
    void conversationRulesAreOwnerRulesOnly() {
        AuthRule owner = new AuthRule.Owner("owner", false, "sub::username", AuthProvider.USER_POOLS, false,
                List.of());
        List<AuthRule> rules = List.of(new AuthRule.Authenticated(AuthProvider.USER_POOLS, List.of()),
                new AuthRule.Owner("author", false, "sub", AuthProvider.USER_POOLS, false, List.of(READ)), owner);
        BackendModel model = withConversation(new ConversationDefinition("chat", AiModel.CLAUDE_3_HAIKU, "Chat.",
                InferenceConfiguration.none(), List.of(), Optional.of("turns"), rules, Optional.empty()));
        assertThat(BackendValidator.problems(model)).extracting(Problem::toString).containsExactly(
                "data.conversations.chat.rules[0]: Rule `authenticated` on conversation route `chat` is not "
                        + "allowed: conversations belong to their owner, so owner() is the only rule. Use "
                        + "allow.owner().",
                "data.conversations.chat.rules[1]: Rule `ownerDefinedIn` on conversation route `chat` must be a "
                        + "plain owner rule: the `owner` field, one user-pool owner, all operations, no owner "
                        + "transfer. Use allow.owner().");
    }

    @Test
    void theDefaultHandlerIsFoundOnTheClassPath() {
        BackendModel model = withConversation(new ConversationDefinition("chat", AiModel.CLAUDE_3_HAIKU, "Chat.",
                InferenceConfiguration.none(), List.of(), Optional.empty(), List.of(new AuthRule.Owner("owner",
                        false, "sub::username", AuthProvider.USER_POOLS, false, List.of())), Optional.empty()));
        Problems found = new Problems();
        AiRouteValidator.check(new Context(model, found), model.data().orElseThrow(),
                className -> Optional.of("/opt/amplify-client.jar"));
        assertThat(found.list()).isEmpty();
        Problems missing = new Problems();
        AiRouteValidator.check(new Context(model, missing), model.data().orElseThrow(), className -> Optional.empty());
        assertThat(missing.list()).extracting(Problem::place).containsExactly("data.conversations.chat.handlerFunction");
    }

    @Test
    void theHandlerFunctionCannotSetTheVariablesItsGrantInjects() {
        BackendBuilder backend = Backend.builder("env");
        backend.auth().loginWithEmail();
        FunctionRef handler = backend.function("turns", fn -> fn.javaHandler("com.example.Turns", JAR)
                .environment("amplifyData_GRAPHQL_ENDPOINT", "https://example.com/graphql"));
        backend.data().conversation("chat").aiModel(AiModel.CLAUDE_3_HAIKU).systemPrompt("Chat.").handler(handler)
                .authorization(allow -> List.of(allow.owner()));
        assertThat(problems(backend)).containsExactly("functions.turns.environment.amplifyData_GRAPHQL_ENDPOINT: "
                + "Environment variable `amplifyData_GRAPHQL_ENDPOINT` is set by the backend for the access this "
                + "function is granted. Choose another name.");
    }

    @Test
    void buildFailsWithTheProblems() {
        BackendBuilder backend = Backend.builder("b");
        backend.auth().loginWithEmail();
        backend.data().conversation("chat").aiModel(AiModel.CLAUDE_3_HAIKU).systemPrompt("Hi.")
                .authorization(allow -> List.of(allow.owner()));
        assertThatThrownBy(backend::build).isInstanceOf(ValidationException.class)
                .hasMessageContaining("data.conversations.chat.handlerFunction: Conversation route `chat` has no "
                        + "handler function");
    }

    private static BackendModel withConversation(ConversationDefinition route) {
        BackendBuilder backend = Backend.builder("hand");
        backend.auth().loginWithEmail();
        backend.function("turns", fn -> fn.javaHandler("com.example.Turns", JAR));
        BackendModel base = backend.build();
        DataDefinition data = new DataDefinition(DataDefinition.DEFAULT_NAME,
                io.amplify4j.model.data.AuthorizationModes.none(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(route));
        return new BackendModel(base.name(), base.profile(), base.auth(), Optional.of(data), base.storage(),
                base.functions());
    }

    private static List<String> problems(BackendBuilder backend) {
        try {
            backend.build();
        } catch (ValidationException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        return List.of();
    }
}
