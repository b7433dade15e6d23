package io.amplify4j.client.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The events of one {@code ConverseStream} response, read from the HTTP body as they arrive. Iterate it on one
 * thread and close it (try-with-resources) to release the connection, also when stopping early.
 *
 * <p>An exception frame ({@code :message-type} {@code exception} or {@code error}) ends the stream with a
 * {@link BedrockException} naming Bedrock's error; corrupt bytes end it with an {@link EventStreamException}; a
 * connection cut short ends it with a {@link BedrockException} of type {@link BedrockException#TRANSPORT}.
 */
public final class ConverseStream implements Iterator<ConverseStreamEvent>, AutoCloseable {
    private final InputStream body;
    private final EventStreamDecoder decoder;
    private final ObjectMapper mapper;
    private final String modelId;
    private final String where;
    private ConverseStreamEvent next;
    private boolean done;

    ConverseStream(InputStream body, ObjectMapper mapper, String modelId, String where) {
        this.body = body;
        this.decoder = new EventStreamDecoder(body);
        this.mapper = mapper;
        this.modelId = modelId;
        this.where = where;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            next = read();
        } catch (RuntimeException e) {
            done = true;
            close();
            throw e;
        }
        if (next == null) {
            done = true;
            close();
        }
        return next != null;
    }

    @Override
    public ConverseStreamEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The ConverseStream response has ended");
        }
        ConverseStreamEvent event = next;
        next = null;
        return event;
    }

    /** The remaining events as a sequential stream (close this object when done with it). */
    public Stream<ConverseStreamEvent> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED
                | Spliterator.NONNULL), false);
    }

    private ConverseStreamEvent read() {
        Optional<EventStreamMessage> message;
        try {
            message = decoder.next();
        } catch (EventStreamException e) {
            if (e.getCause() instanceof java.io.EOFException) {
                throw BedrockException.transport(modelId, where, e);
            }
            throw e;
        } catch (IOException e) {
            throw BedrockException.transport(modelId, where, e);
        }
        if (message.isEmpty()) {
            return null;
        }
        EventStreamMessage m = message.get();
        String messageType = m.stringHeader(":message-type").orElse("event");
        switch (messageType) {
            case "event" -> {
                String type = m.stringHeader(":event-type").orElseThrow(() -> new EventStreamException(
                        "Event stream: an event without an :event-type header: " + m));
                return new ConverseStreamEvent(type, json(m));
            }
            case "exception" -> {
                String type = m.stringHeader(":exception-type").orElse("UnknownException");
                throw BedrockException.of(type, 0, json(m).path("message").asText(
                        json(m).path("Message").asText("")), modelId, where);
            }
            case "error" -> throw BedrockException.of(m.stringHeader(":error-code").orElse("UnknownError"), 0,
                    m.stringHeader(":error-message").orElse(""), modelId, where);
            default -> throw new EventStreamException("Event stream: unknown :message-type `" + messageType + "`");
        }
    }

    private JsonNode json(EventStreamMessage message) {
        if (message.payload().length == 0) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(message.payload());
        } catch (IOException e) {
            throw new EventStreamException("Event stream: a payload that is not JSON: " + message.payloadText(), e);
        }
    }

    /** Releases the connection; events not read are dropped. Idempotent. */
    @Override
    public void close() {
        done = true;
        try {
            body.close();
        } catch (IOException ignored) {
            // Closing only releases the connection; nothing is lost.
        }
    }
}
