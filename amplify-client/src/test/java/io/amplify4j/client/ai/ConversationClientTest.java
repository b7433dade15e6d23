package io.amplify4j.client.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.Page;
import io.amplify4j.client.auth.AuthProviders;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ConversationClient} sends and how it reads the answers, against a fake API on 127.0.0.1. */
class ConversationClientTest {
    static final String MESSAGE = """
        {"id":"m-1","conversationId":"c-1","role":"user","content":[{"text":"Hi"},
          {"toolUse":{"toolUseId":"t","name":"listProducts","input":"{\\"limit\\":5}"}}],
         "aiContext":"{\\"page\\":\\"kettles\\"}","associatedUserMessageId":null,"owner":"alice",
         "createdAt":"2026-01-01T00:00:01.000Z","updatedAt":"2026-01-01T00:00:01.000Z"}""";

    FakeGraphQL api;
    GraphQLClient graphql;
    ConversationClient chat;

    @BeforeEach
    void start() throws Exception {
        api = new FakeGraphQL(call -> {
            try {
                String query = call.query();
                if (query.startsWith("mutation Chat(")) {
                    return FakeGraphQL.data("chat", FakeBedrock.JSON.readTree(MESSAGE));
                }
                if (query.contains("ByConversationIdAndCreatedAt")) {
                    JsonNode page = FakeBedrock.JSON.readTree("{\"items\":[" + MESSAGE + ",null],\"nextToken\":"
                            + (call.variables().path("nextToken").isNull() ? "\"t1\"" : "null") + "}");
                    return FakeGraphQL.data("listConversationMessageChatByConversationIdAndCreatedAt", page);
                }
                if (query.startsWith("mutation CreateConversationChat(")) {
                    return FakeGraphQL.data("createConversationChat", FakeBedrock.JSON.readTree(
                            "{\"id\":\"c-1\",\"name\":\"Trip\",\"metadata\":\"{\\\"color\\\":\\\"blue\\\"}\","
                                    + "\"owner\":\"alice\",\"createdAt\":\"2026-01-01T00:00:00.000Z\","
                                    + "\"updatedAt\":\"2026-01-01T00:00:00.000Z\"}"));
                }
                throw new IllegalStateException(query);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        graphql = GraphQLClient.builder().endpoint(api.endpoint()).auth(AuthProviders.userPool("alice-token"))
                .build();
        chat = new ConversationClient(graphql, ConversationRoute.named("chat"));
    }

    @AfterEach
    void stop() {
        graphql.close();
        api.close();
    }

    @Test
    void sendingWritesContentBlocksAndAiContextAsAppSyncExpects() throws Exception {
        ConversationMessage sent = chat.send("c-1", List.of(ContentBlock.text("Hi")),
                FakeBedrock.JSON.readTree("{\"page\":\"kettles\"}"));
        assertThat(api.calls.get(0).variables()).isEqualTo(FakeBedrock.JSON.readTree(
                "{\"conversationId\":\"c-1\",\"content\":[{\"text\":\"Hi\"}],\"aiContext\":\"{\\\"page\\\":"
                        + "\\\"kettles\\\"}\"}"));
        assertThat(api.calls.get(0).authorization()).isEqualTo("alice-token");
        assertThat(sent.role()).isEqualTo(ConversationRole.USER);
        assertThat(sent.aiContext()).isEqualTo(FakeBedrock.JSON.readTree("{\"page\":\"kettles\"}"));
        assertThat(sent.content().get(1).toolUse().input()).isEqualTo(FakeBedrock.JSON.readTree("{\"limit\":5}"));
        assertThat(sent.text()).isEqualTo("Hi");
        assertThat(sent.createdAt()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:01Z"));
    }

    @Test
    void aMessageNeedsContent() {
        assertThatThrownBy(() -> chat.send("c-1", List.of(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one content block");
        assertThat(api.calls).isEmpty();
    }

    @Test
    void messagesAreListedOldestFirstPageByPage() throws Exception {
        Page<ConversationMessage> first = chat.listMessages("c-1", 10, null);
        assertThat(first.items()).hasSize(1);
        assertThat(first.nextToken()).contains("t1");
        assertThat(api.calls.get(0).variables()).isEqualTo(FakeBedrock.JSON.readTree(
                "{\"conversationId\":\"c-1\",\"sortDirection\":\"ASC\",\"limit\":10,\"nextToken\":null}"));
        assertThat(chat.listAllMessages("c-1").stream().count()).isEqualTo(2);
    }

    @Test
    void conversationsCarryTheirMetadataAsJson() throws Exception {
        Conversation created = chat.create("Trip", FakeBedrock.JSON.readTree("{\"color\":\"blue\"}"));
        assertThat(api.calls.get(0).variables().path("input")).isEqualTo(FakeBedrock.JSON.readTree(
                "{\"name\":\"Trip\",\"metadata\":\"{\\\"color\\\":\\\"blue\\\"}\"}"));
        assertThat(created.metadata()).isEqualTo(FakeBedrock.JSON.readTree("{\"color\":\"blue\"}"));
        assertThat(created.owner()).isEqualTo("alice");
    }
}
