package io.amplify4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.client.AuthMode;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.ai.ConversationClient;
import io.amplify4j.client.ai.ConversationRoute;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.fixtures.TodoBackend;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated conversation entry points: a route constant whose operations are the plan's, which the runtime's
 * own naming ({@link ConversationRoute#named}) agrees with, and a facade method per route.
 */
class ConversationsGeneratorTest {
    @Test
    void theGeneratedRouteNamesThePlansOperationsAsTheRuntimeConventionDoes() throws Exception {
        GeneratedSources sources = ClientGenerator.generate(new AiBackend(), CodegenOptions.of("com.example.ai"));
        Compiler.Result result = Compiler.compile(Compiler.sources(sources));
        assertThat(result.errors()).isEmpty();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {result.classes().toUri().toURL()},
                getClass().getClassLoader());
                GraphQLClient graphql = GraphQLClient.builder().endpoint("http://127.0.0.1:1/graphql")
                        .auth(AuthProviders.userPool("token")).build()) {
            Class<?> conversations = loader.loadClass("com.example.ai.AiConversations");
            ConversationRoute generated = (ConversationRoute) conversations.getField("CHAT").get(null);
            ConversationRoute convention = ConversationRoute.named("chat");
            assertThat(fields(generated)).isEqualTo(fields(convention));
            assertThat(generated.name()).isEqualTo("chat");

            Class<?> api = loader.loadClass("com.example.ai.AiApi");
            Object facade = api.getConstructor(GraphQLClient.class).newInstance(graphql);
            Object entry = api.getMethod("conversations").invoke(facade);
            ConversationClient chat = (ConversationClient) entry.getClass().getMethod("chat").invoke(entry);
            assertThat(chat.route()).isSameAs(generated);
            Object iam = api.getMethod("withAuthMode", AuthMode.class).invoke(facade, AuthMode.IAM);
            Object iamEntry = api.getMethod("conversations").invoke(iam);
            ConversationClient iamChat = (ConversationClient) iamEntry.getClass().getMethod("chat").invoke(iamEntry);
            assertThat(iamChat.sendRequest("c", List.of(io.amplify4j.client.ai.ContentBlock.text("hi")), null)
                    .authMode()).contains(AuthMode.IAM);
        }
    }

    private static List<String> fields(ConversationRoute route) {
        return List.of(route.createConversation().field(), route.getConversation().field(),
                route.listConversations().field(), route.deleteConversation().field(), route.sendMessage().field(),
                route.listMessages().field(), route.onResponse().field());
    }

    @Test
    void anApiWithoutConversationRoutesHasNoConversationsEntry() {
        GeneratedSources sources = ClientGenerator.generate(new TodoBackend(), CodegenOptions.of("com.example.todo"));
        assertThat(sources.files()).extracting(GeneratedFile::typeName).doesNotContain("TodoConversations");
        assertThat(sources.files()).filteredOn(f -> f.typeName().equals("TodoApi")).singleElement()
                .satisfies(f -> assertThat(f.content()).doesNotContain("conversations()"));
    }
}
