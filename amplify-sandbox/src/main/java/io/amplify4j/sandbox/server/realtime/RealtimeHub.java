package io.amplify4j.sandbox.server.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.amplify4j.sandbox.js.AuthMode;
import io.amplify4j.sandbox.js.SubscriptionFilter;
import io.amplify4j.sandbox.runtime.Caller;
import io.amplify4j.sandbox.server.auth.Authenticator;
import io.amplify4j.sandbox.server.graphql.GraphQLService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The real-time side of the sandbox: accepts {@code graphql-ws} WebSocket connections as AppSync does, keeps the live
 * subscriptions per subscription field, and delivers each mutation's result (as the mutation selected it) to the
 * subscriptions of the fields whose {@code @aws_subscribe} lists the mutation, when the filter their resolver set
 * at {@code start} matches, shaped by each subscriber's selection set.
 *
 * <p>Delivery never blocks the mutation: each connection has a bounded outgoing queue, and a connection whose
 * queue overflows (a client that does not read) is closed.
 */
public final class RealtimeHub implements AutoCloseable {
    /** What {@code connection_ack} announces; AppSync's value. */
    public static final long CONNECTION_TIMEOUT_MS = 300_000;
    /** At most this many subscriptions on one connection (AppSync's limit is 100). */
    public static final int MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;
    /** AppSync's subscription payload quota, 240 KB: a larger event is not delivered (the subscriber gets an error). */
    public static final int MAX_EVENT_BYTES = 240 * 1024;

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    final GraphQLService graphQL;
    final Authenticator authenticator;
    final Consumer<String> log;
    final Consumer<Throwable> internalErrors;
    final int queueCapacity;
    private final Map<String, Set<Live>> live = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService keepAlive;

    /**
     * A subscription accepted on a connection, with the subscriber it was authorized for and the API key it
     * presented (null for other modes), so that every event is redacted for that subscriber and the subscription
     * ends once the credential no longer holds.
     */
    record Live(Connection connection, String id, GraphQLService.Subscription subscription, Caller caller,
            String apiKey, String selection) {
        Live(Connection connection, String id, GraphQLService.Subscription subscription, Caller caller,
                String apiKey) {
            this(connection, id, subscription, caller, apiKey, selectionOf(subscription));
        }
    }

    /** The subscriber's selection as text (field and fragments): what, with the event, decides its JSON. */
    private static String selectionOf(GraphQLService.Subscription subscription) {
        StringBuilder text = new StringBuilder(graphql.language.AstPrinter.printAstCompact(subscription.field()));
        subscription.fragments().values().forEach(f -> text.append(' ')
                .append(graphql.language.AstPrinter.printAstCompact(f)));
        return text.toString();
    }

    /**
     * @param keepAliveInterval how often every connection gets a {@code ka}
     * @param queueCapacity the most messages waiting for one slow client before its connection is closed
     */
    public RealtimeHub(GraphQLService graphQL, Authenticator authenticator, Duration keepAliveInterval,
            int queueCapacity, Consumer<String> log, Consumer<Throwable> internalErrors) {
        this.graphQL = Objects.requireNonNull(graphQL, "graphQL");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.log = Objects.requireNonNull(log, "log");
        this.internalErrors = Objects.requireNonNull(internalErrors, "internalErrors");
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive; got " + queueCapacity);
        }
        this.queueCapacity = queueCapacity;
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "amplify4j-sandbox-ka");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, keepAliveInterval.toMillis());
        keepAlive.scheduleAtFixedRate(this::keepAlive, period, period, TimeUnit.MILLISECONDS);
        graphQL.onMutation(this::publish);
        graphQL.onInvalidation(this::invalidate);
    }

    /** Verifies SigV4 auth objects (IAM callers), when the sandbox has IAM; null refuses them. */
    volatile io.amplify4j.sandbox.iam.IamCallers iamCallers;

    /** Accepts IAM callers: their auth objects are SigV4 headers, verified by {@code callers}. */
    public void iamCallers(io.amplify4j.sandbox.iam.IamCallers callers) {
        this.iamCallers = Objects.requireNonNull(callers, "callers");
    }

    /**
     * A handler that upgrades WebSocket requests to {@code /graphql/realtime} and {@code /graphql} and hands every
     * other request to {@code next}.
     */
    public Handler handler(Server server, Handler next, int maxMessageBytes) {
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> {
            // Longer than connectionTimeoutMs: the client, told of that timeout, decides when a connection is dead.
            container.setIdleTimeout(Duration.ofMillis(CONNECTION_TIMEOUT_MS * 2));
            container.setMaxTextMessageSize(maxMessageBytes);
            container.addMapping("/graphql/realtime", this::create);
            container.addMapping("/graphql", this::create);
        });
        upgrade.setHandler(next);
        return upgrade;
    }

    private Object create(org.eclipse.jetty.websocket.server.ServerUpgradeRequest request,
            org.eclipse.jetty.websocket.server.ServerUpgradeResponse response, org.eclipse.jetty.util.Callback callback) {
        try {
            return Connection.accept(this, request, response);
        } catch (RuntimeException | Error e) {
            internalErrors.accept(e);
            throw e;
        }
    }

    /** The number of live subscriptions, over every connection. */
    public int liveSubscriptions() {
        return live.values().stream().mapToInt(Set::size).sum();
    }

    void opened(Connection connection) {
        connections.add(connection);
    }

    void closed(Connection connection) {
        connections.remove(connection);
        live.values().forEach(set -> set.removeIf(l -> l.connection() == connection));
    }

    void add(Live subscription) {
        live.computeIfAbsent(subscription.subscription().fieldName(), k -> ConcurrentHashMap.newKeySet())
                .add(subscription);
    }

    void remove(Live subscription) {
        Set<Live> set = live.get(subscription.subscription().fieldName());
        if (set != null) {
            set.remove(subscription);
        }
    }

    private void keepAlive() {
        for (Connection connection : connections) {
            connection.keepAlive();
        }
        for (Set<Live> subscribers : live.values()) {
            for (Live subscriber : subscribers) {
                if (!authenticator.stillValid(subscriber.caller(), subscriber.apiKey())) {
                    revoke(subscriber);
                }
            }
        }
    }

    /**
     * Ends a subscription whose credential expired or was deleted since its {@code start}: the subscriber gets an
     * {@code error} with {@code UnauthorizedException} for its id and no further event (fail closed, at the next
     * event or keep-alive tick, whichever comes first).
     */
    private void revoke(Live subscriber) {
        if (subscriber.connection().end(subscriber)) {
            log.accept("WS subscription id=" + subscriber.id() + " caller=" + describe(subscriber.caller())
                    + " ended: credential no longer valid");
            subscriber.connection().error(subscriber.id(), "UnauthorizedException",
                    "The subscription's authorization is no longer valid.");
        }
    }

    /**
     * AppSync's subscription invalidation: every live subscription of {@code subscriptionField} whose resolver set
     * an invalidation filter ({@code extensions.setSubscriptionInvalidationFilter}) that matches the mutation's
     * {@code payload} is ended, and its subscriber gets {@code complete} for it, as AppSync sends. Each call of
     * {@code extensions.invalidateSubscriptions} in a mutation counts (AppSync has been reported to keep only the
     * last, aws-appsync-community#223).
     */
    void invalidate(String subscriptionField, Map<String, Object> payload) {
        Set<Live> subscribers = live.get(subscriptionField);
        if (subscribers == null) {
            return;
        }
        for (Live subscriber : subscribers) {
            Optional<Map<String, Object>> filter = subscriber.subscription().invalidationFilter();
            if (filter.isPresent() && SubscriptionFilter.matches(filter.get(), payload)
                    && subscriber.connection().end(subscriber)) {
                log.accept("WS subscription id=" + subscriber.id() + " caller=" + describe(subscriber.caller())
                        + " invalidated");
                subscriber.connection().send(write(Map.of("type", "complete", "id", subscriber.id())));
            }
        }
    }

    /** Delivers a mutation's result to the subscriptions listening for it. Called on the mutation's thread. */
    void publish(String mutationField, Map<String, Object> payload) {
        for (String subscriptionField : graphQL.subscriptionsByMutation().getOrDefault(mutationField, List.of())) {
            Set<Live> subscribers = live.get(subscriptionField);
            if (subscribers == null || subscribers.isEmpty()) {
                continue;
            }
            GraphQLFieldDefinition definition = graphQL.schema().getSubscriptionType()
                    .getFieldDefinition(subscriptionField);
            // Subscribers with the same selection and the same view of the event get the same JSON: write it once.
            Map<List<Object>, String> rendered = new java.util.HashMap<>();
            for (Live subscriber : subscribers) {
                try {
                    deliver(subscriber, definition, payload, rendered);
                } catch (RuntimeException e) {
                    internalErrors.accept(e);
                }
            }
        }
    }

    private void deliver(Live subscriber, GraphQLFieldDefinition definition, Map<String, Object> payload,
            Map<List<Object>, String> rendered) {
        GraphQLService.Subscription subscription = subscriber.subscription();
        if (!argumentsMatch(subscription, definition, payload)) {
            return;
        }
        if (subscription.filter().isPresent() && !SubscriptionFilter.matches(subscription.filter().get(), payload)) {
            return;
        }
        if (!authenticator.stillValid(subscriber.caller(), subscriber.apiKey())) {
            revoke(subscriber);
            return;
        }
        Map<String, Object> visible = graphQL.redactFor(subscription.fieldName(), payload, subscriber.caller());
        if (visible == null) {
            return;
        }
        Field field = subscription.field();
        Object shaped = shape(visible, field.getSelectionSet(), subscription.fragments(), definition.getType());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(field.getResultKey(), shaped);
        String text = "{\"type\":\"data\",\"id\":" + write(subscriber.id()) + ",\"payload\":"
                + rendered.computeIfAbsent(List.of(subscriber.selection(), data),
                        key -> write(Map.of("data", data))) + "}";
        if (text.length() > MAX_EVENT_BYTES / 4 && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > MAX_EVENT_BYTES) {
            log.accept("WS subscription id=" + subscriber.id() + " event not delivered: over " + MAX_EVENT_BYTES
                    + " bytes");
            subscriber.connection().error(subscriber.id(), "PayloadTooLargeException",
                    "The event exceeds the subscription payload limit of " + MAX_EVENT_BYTES + " bytes.");
            return;
        }
        subscriber.connection().send(text);
    }

    /**
     * AppSync's argument filtering: a non-null argument of the subscription field (other than {@code filter}) that
     * names a field of the payload must equal it.
     */
    private static boolean argumentsMatch(GraphQLService.Subscription subscription, GraphQLFieldDefinition definition,
            Map<String, Object> payload) {
        GraphQLType returned = GraphQLTypeUtil.unwrapAll(definition.getType());
        if (!(returned instanceof GraphQLFieldsContainer container)) {
            return true;
        }
        for (Map.Entry<String, Object> argument : subscription.arguments().entrySet()) {
            if (argument.getValue() == null || argument.getKey().equals("filter")
                    || container.getFieldDefinition(argument.getKey()) == null) {
                continue;
            }
            if (!sameValue(argument.getValue(), payload.get(argument.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(expected, actual);
    }

    /** The payload as the subscriber's selection set selects it (response keys, aliases, {@code __typename}). */
    @SuppressWarnings("unchecked")
    static Object shape(Object value, SelectionSet selection, Map<String, FragmentDefinition> fragments,
            GraphQLType type) {
        if (value == null || selection == null) {
            return value;
        }
        if (value instanceof List<?> list) {
            GraphQLType element = type == null ? null : GraphQLTypeUtil.unwrapOne(GraphQLTypeUtil.unwrapNonNull(type));
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(shape(item, selection, fragments, element));
            }
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        GraphQLType named = type == null ? null : GraphQLTypeUtil.unwrapAll(type);
        Map<String, Object> out = new LinkedHashMap<>();
        select((Map<String, Object>) map, selection, fragments, named, out);
        return out;
    }

    private static void select(Map<String, Object> map, SelectionSet selection,
            Map<String, FragmentDefinition> fragments, GraphQLType type, Map<String, Object> out) {
        for (Selection<?> s : selection.getSelections()) {
            if (s instanceof Field field) {
                if (field.getName().equals("__typename")) {
                    Object typename = map.get("__typename");
                    out.put(field.getResultKey(), typename != null ? typename
                            : type instanceof GraphQLNamedType namedType ? namedType.getName() : null);
                    continue;
                }
                GraphQLType fieldType = type instanceof GraphQLFieldsContainer container
                        && container.getFieldDefinition(field.getName()) != null
                        ? container.getFieldDefinition(field.getName()).getType() : null;
                out.put(field.getResultKey(), shape(map.get(field.getName()), field.getSelectionSet(), fragments,
                        fieldType));
            } else if (s instanceof InlineFragment inline) {
                select(map, inline.getSelectionSet(), fragments, type, out);
            } else if (s instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                select(map, fragments.get(spread.getName()).getSelectionSet(), fragments, type, out);
            }
        }
    }

    static String describe(Caller caller) {
        if (caller.authMode() == AuthMode.API_KEY) {
            return "apiKey";
        }
        Object username = caller.identity().map(identity -> identity.get("username")).orElse(null);
        return caller.authMode().name().toLowerCase(java.util.Locale.ROOT) + ":" + username;
    }

    static String write(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a message", e);
        }
    }

    /** Stops the keep-alives and closes every connection. */
    @Override
    public void close() {
        keepAlive.shutdownNow();
        for (Connection connection : connections) {
            connection.close(1001, "The sandbox is stopping.");
        }
        connections.clear();
        live.clear();
    }
}
