package io.amplify4j.client.ai;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.client.AuthMode;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.GraphQLRequest;
import io.amplify4j.client.GraphQLSubscription;
import io.amplify4j.client.Page;
import io.amplify4j.client.Pages;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The conversations of one conversation route, as the app's signed-in user sees them: create and list
 * conversations, send messages, receive the assistant's answers as they stream, list a conversation's messages.
 * Every call is the user's own (owner rules: a user sees and writes only their own conversations).
 *
 * <pre>{@code
 * ConversationClient chat = api.conversations().chat();          // generated; or new ConversationClient(graphql,
 *                                                                //   ConversationRoute.named("chat"))
 * Conversation conversation = chat.create("Kettles");
 * AssistantResponse answer = chat.ask(conversation.id(), "Which kettles do you have?", Duration.ofMinutes(1));
 * for (ConversationMessage message : chat.listAllMessages(conversation.id())) { ... }
 * }</pre>
 *
 * <p>Blocking calls throw {@link io.amplify4j.client.GraphQLResponseException} for GraphQL errors; the
 * {@code ...Async} variants return futures that fail with it. Thread-safe and cheap: make one per use.
 */
public final class ConversationClient {
    private static final TypeReference<Page<Conversation>> CONVERSATION_PAGE = new TypeReference<>() {};
    private static final TypeReference<Page<ConversationMessage>> MESSAGE_PAGE = new TypeReference<>() {};

    private final GraphQLClient graphql;
    private final ConversationRoute route;
    private final AuthMode authMode;

    /** The route's conversations through {@code graphql}, with its default auth mode (a user pool token). */
    public ConversationClient(GraphQLClient graphql, ConversationRoute route) {
        this(graphql, route, null);
    }

    private ConversationClient(GraphQLClient graphql, ConversationRoute route, AuthMode authMode) {
        this.graphql = Objects.requireNonNull(graphql, "graphql");
        this.route = Objects.requireNonNull(route, "route");
        this.authMode = authMode;
    }

    /** The same client sending every request with {@code mode} instead of the default one. */
    public ConversationClient withAuthMode(AuthMode mode) {
        return new ConversationClient(graphql, route, Objects.requireNonNull(mode, "mode"));
    }

    /** The route's operations. */
    public ConversationRoute route() {
        return route;
    }

    // ------------------------------------------------------------------------------------------ conversations

    /** Creates a conversation without a name. */
    public Conversation create() {
        return graphql.execute(createRequest(null, null));
    }

    /** Creates a conversation called {@code name}. */
    public Conversation create(String name) {
        return graphql.execute(createRequest(name, null));
    }

    /** Creates a conversation with a name and the app's own metadata (either may be null). */
    public Conversation create(String name, JsonNode metadata) {
        return graphql.execute(createRequest(name, metadata));
    }

    /** {@link #create(String, JsonNode)} without blocking. */
    public CompletableFuture<Conversation> createAsync(String name, JsonNode metadata) {
        return graphql.executeAsync(createRequest(name, metadata));
    }

    /** The request of {@link #create(String, JsonNode)}, to send later or change. */
    public GraphQLRequest<Conversation> createRequest(String name, JsonNode metadata) {
        Map<String, Object> input = new LinkedHashMap<>();
        if (name != null) {
            input.put("name", name);
        }
        if (metadata != null) {
            input.put("metadata", metadata.toString());
        }
        return request(Conversation.class, route.createConversation()).variable("input", input).build();
    }

    /** The conversation, when it exists and is the caller's. */
    public Optional<Conversation> get(String id) {
        return Optional.ofNullable(graphql.execute(request(Conversation.class, route.getConversation())
                .variable("id", Objects.requireNonNull(id, "id")).build()));
    }

    /** One page of the caller's conversations. */
    public Page<Conversation> list(Integer limit, String nextToken) {
        return graphql.execute(listRequest(limit, nextToken));
    }

    /** {@link #list} without blocking. */
    public CompletableFuture<Page<Conversation>> listAsync(Integer limit, String nextToken) {
        return graphql.executeAsync(listRequest(limit, nextToken));
    }

    /** All the caller's conversations, fetched page by page as they are used. */
    public Pages.Paged<Conversation> listAll() {
        return Pages.iterate(token -> list(null, token.orElse(null)));
    }

    private GraphQLRequest<Page<Conversation>> listRequest(Integer limit, String nextToken) {
        return request(CONVERSATION_PAGE, route.listConversations()).variable("limit", limit)
                .variable("nextToken", nextToken).build();
    }

    /** Deletes the conversation (its messages stay, readable only by its owner); returns what was deleted. */
    public Conversation delete(String id) {
        return graphql.execute(request(Conversation.class, route.deleteConversation())
                .variable("input", Map.of("id", Objects.requireNonNull(id, "id"))).build());
    }

    // ------------------------------------------------------------------------------------------ messages

    /** Sends a text message; the answer streams to {@link #responses}. Returns the saved user message. */
    public ConversationMessage send(String conversationId, String text) {
        return send(conversationId, List.of(ContentBlock.text(text)), null);
    }

    /**
     * Sends a message: its content blocks and optionally {@code aiContext}, JSON the handler adds to the model's
     * system prompt (what the user is looking at, say). Returns the saved user message.
     */
    public ConversationMessage send(String conversationId, List<ContentBlock> content, JsonNode aiContext) {
        return graphql.execute(sendRequest(conversationId, content, aiContext));
    }

    /** {@link #send(String, List, JsonNode)} without blocking. */
    public CompletableFuture<ConversationMessage> sendAsync(String conversationId, List<ContentBlock> content,
            JsonNode aiContext) {
        return graphql.executeAsync(sendRequest(conversationId, content, aiContext));
    }

    /** The request of {@link #send(String, List, JsonNode)}. */
    public GraphQLRequest<ConversationMessage> sendRequest(String conversationId, List<ContentBlock> content,
            JsonNode aiContext) {
        Objects.requireNonNull(conversationId, "conversationId");
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("A message needs at least one content block, such as"
                    + " ContentBlock.text(\"...\")");
        }
        return request(ConversationMessage.class, route.sendMessage()).variable("conversationId", conversationId)
                .variable("content", content).variable("aiContext", aiContext == null ? null : aiContext.toString())
                .build();
    }

    /** One page of the conversation's messages, oldest first. */
    public Page<ConversationMessage> listMessages(String conversationId, Integer limit, String nextToken) {
        return graphql.execute(listMessagesRequest(conversationId, limit, nextToken));
    }

    /** {@link #listMessages} without blocking. */
    public CompletableFuture<Page<ConversationMessage>> listMessagesAsync(String conversationId, Integer limit,
            String nextToken) {
        return graphql.executeAsync(listMessagesRequest(conversationId, limit, nextToken));
    }

    /** All the conversation's messages, oldest first, fetched page by page as they are used. */
    public Pages.Paged<ConversationMessage> listAllMessages(String conversationId) {
        return Pages.iterate(token -> listMessages(conversationId, null, token.orElse(null)));
    }

    private GraphQLRequest<Page<ConversationMessage>> listMessagesRequest(String conversationId, Integer limit,
            String nextToken) {
        return request(MESSAGE_PAGE, route.listMessages())
                .variable("conversationId", Objects.requireNonNull(conversationId, "conversationId"))
                .variable("sortDirection", "ASC").variable("limit", limit).variable("nextToken", nextToken).build();
    }

    // ------------------------------------------------------------------------------------------ answers

    /**
     * The raw stream parts of the assistant's answers in the conversation, as AppSync delivers them. Most apps
     * want {@link #responses}, which puts them together.
     */
    public GraphQLSubscription<ConversationStreamPart> responseParts(String conversationId) {
        return graphql.subscribe(request(ConversationStreamPart.class, route.onResponse())
                .variable("conversationId", Objects.requireNonNull(conversationId, "conversationId")).build());
    }

    /** The assistant's answers in the conversation, reassembled; see {@link ResponseStream}. */
    public ResponseStream responses(String conversationId) {
        return new ResponseStream(responseParts(conversationId));
    }

    /**
     * Sends a text message and waits for the whole answer: subscribes, sends once the subscription is established,
     * and returns the answer (which may have {@link AssistantResponse#failed() failed}).
     *
     * @throws IllegalStateException when no complete answer arrives within {@code timeout}
     */
    public AssistantResponse ask(String conversationId, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ResponseStream answers = responses(conversationId)) {
            await(answers.established(), deadline, "the subscription to be established");
            ConversationMessage sent = send(conversationId, text);
            return await(answers.response(sent.id()), deadline, "the answer to message " + sent.id());
        }
    }

    private static <T> T await(CompletableFuture<T> future, long deadline, String what) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out waiting for " + what + ". Is the route's handler function"
                    + " running, and can it reach Bedrock?", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Failed waiting for " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for " + what, e);
        }
    }

    private <T> GraphQLRequest.Builder<T> request(Class<T> type, ConversationRoute.Operation operation) {
        GraphQLRequest.Builder<T> builder = GraphQLRequest.builder(type).document(operation.document())
                .responseField(operation.field());
        return authMode == null ? builder : builder.authMode(authMode);
    }

    private <T> GraphQLRequest.Builder<T> request(TypeReference<T> type, ConversationRoute.Operation operation) {
        GraphQLRequest.Builder<T> builder = GraphQLRequest.builder(type).document(operation.document())
                .responseField(operation.field());
        return authMode == null ? builder : builder.authMode(authMode);
    }
}
