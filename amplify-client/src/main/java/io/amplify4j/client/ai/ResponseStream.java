package io.amplify4j.client.ai;

import io.amplify4j.client.GraphQLSubscription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The assistant's answers in one conversation, as they stream: a subscription to the route's response parts that
 * reassembles each answer ({@link ResponseAssembler}), hands out its text in order to {@link #onText} listeners,
 * and completes {@link #response(String)} when an answer is whole. Open it (and wait for {@link #established()})
 * before sending the message, so no part is missed.
 *
 * <pre>{@code
 * try (ResponseStream answers = chat.responses(conversation.id())) {
 *     answers.onText(delta -> System.out.print(delta.text())).established().join();
 *     ConversationMessage sent = chat.send(conversation.id(), "Which kettles do you have?");
 *     AssistantResponse answer = answers.response(sent.id()).get(1, TimeUnit.MINUTES);
 * }
 * }</pre>
 *
 * <p>Thread-safe. When the subscription fails (refused, or the connection lost for good), every answer not yet
 * complete fails with that error.
 */
public final class ResponseStream implements AutoCloseable {
    private final GraphQLSubscription<ConversationStreamPart> subscription;
    private final Map<String, ResponseAssembler> assemblers = new HashMap<>();
    private final Map<String, CompletableFuture<AssistantResponse>> responses = new HashMap<>();
    private final List<Consumer<? super TextDelta>> listeners = new CopyOnWriteArrayList<>();
    private Throwable failure;

    ResponseStream(GraphQLSubscription<ConversationStreamPart> subscription) {
        this.subscription = subscription;
        subscription.subscribe(this::accept, this::fail);
    }

    /** Completes when AppSync has accepted the subscription; fails if it refused it. */
    public CompletableFuture<Void> established() {
        return subscription.established();
    }

    /** Calls {@code listener} with every piece of answer text, in order, as it arrives. */
    public ResponseStream onText(Consumer<? super TextDelta> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * The answer to user message {@code userMessageId}: completes when the whole answer has arrived (or with the
     * errors that ended it, {@link AssistantResponse#failed()}); fails when the subscription fails first.
     */
    public synchronized CompletableFuture<AssistantResponse> response(String userMessageId) {
        CompletableFuture<AssistantResponse> future = responses.computeIfAbsent(userMessageId,
                id -> new CompletableFuture<>());
        if (failure != null && !future.isDone()) {
            future.completeExceptionally(failure);
        }
        return future;
    }

    private void accept(ConversationStreamPart part) {
        List<TextDelta> deltas;
        AssistantResponse complete = null;
        CompletableFuture<AssistantResponse> future;
        synchronized (this) {
            String id = part.associatedUserMessageId();
            if (id == null) {
                return;
            }
            ResponseAssembler assembler = assemblers.computeIfAbsent(id, ResponseAssembler::new);
            deltas = assembler.accept(part);
            if (assembler.isComplete()) {
                complete = assembler.response();
            }
            future = responses.computeIfAbsent(id, k -> new CompletableFuture<>());
        }
        for (TextDelta delta : deltas) {
            for (Consumer<? super TextDelta> listener : listeners) {
                listener.accept(delta);
            }
        }
        if (complete != null) {
            future.complete(complete);
        }
    }

    private void fail(Throwable error) {
        List<CompletableFuture<AssistantResponse>> pending;
        synchronized (this) {
            failure = error;
            pending = List.copyOf(responses.values());
        }
        pending.forEach(f -> f.completeExceptionally(error));
    }

    /** Stops the subscription; answers not yet complete stay incomplete. */
    @Override
    public void close() {
        subscription.close();
    }
}
