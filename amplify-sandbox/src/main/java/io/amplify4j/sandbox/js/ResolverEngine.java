package io.amplify4j.sandbox.js;

import io.amplify4j.sandbox.datasource.DataSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs APPSYNC_JS pipeline resolvers offline, on GraalJS, with our own implementation of {@code @aws-appsync/utils}.
 *
 * <p>One engine holds one shared GraalJS {@link Engine} (parsed sources are shared by all contexts) and a pool of
 * contexts; a context serves one request at a time, so {@link #execute} may be called from many threads. Guest
 * code has no host access, no IO beyond the in-memory runtime modules, no threads and no class lookup; every
 * handler call is bounded by a statement limit so a runaway loop ends as a GraphQL error.
 *
 * <p>Values cross the boundary as JSON text (see {@link Json}): the context is written by Jackson and parsed in the
 * guest, and what a handler returns is stringified in the guest and read back by Jackson, so integral numbers come
 * out as {@code Long}.
 *
 * <p>Module-level state of a resolver module lives as long as the pooled context that loaded it; resolvers should
 * not rely on it (AppSync gives no such guarantee either).
 */
public final class ResolverEngine implements AutoCloseable {
    /** The statement limit per handler call unless the builder sets another. */
    public static final long DEFAULT_STATEMENT_LIMIT = 1_000_000L;

    private static final String RESOURCE_DIR = "/io/amplify4j/sandbox/js/";
    private static final String HOST_MODULE = "/__amplify4j/host.mjs";
    private static final String UTILS_MODULE = "/node_modules/@aws-appsync/utils";
    private static final String MODULE_MIME = "application/javascript+module";

    private final Engine engine;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final ModuleFileSystem fileSystem;
    private final RuntimeHost host;
    private final ResourceLimits limits;
    private final long statementLimit;
    private final int maxIdleContexts;
    private final OutputStream log;
    private final Source glue;
    private final ConcurrentLinkedDeque<GuestContext> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger contextsCreated = new AtomicInteger();
    private volatile boolean closed;

    private ResolverEngine(Builder builder) {
        builder.modules.forEach(this::define);
        this.statementLimit = builder.statementLimit;
        this.maxIdleContexts = builder.maxIdleContexts;
        this.log = builder.log;
        this.host = new RuntimeHost(builder.clock, builder.random);
        this.fileSystem = new ModuleFileSystem(Map.of(
                HOST_MODULE, resource("host.mjs"),
                UTILS_MODULE, resource("utils.mjs")));
        this.limits = ResourceLimits.newBuilder().statementLimit(statementLimit, null).build();
        this.engine = Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .out(log)
                .err(log)
                .build();
        this.glue = Source.newBuilder("js",
                        "import { invoke } from '" + HOST_MODULE + "';\n"
                                + "import '@aws-appsync/utils';\n"
                                + "delete globalThis.__amplify4jHost;\n"
                                + "export { invoke };\n",
                        "/__amplify4j/glue.mjs")
                .mimeType(MODULE_MIME)
                .buildLiteral();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The module paths this engine can run, sorted. */
    public List<String> modules() {
        return sources.keySet().stream().sorted().toList();
    }

    /**
     * Adds a module, or replaces one (contexts load the new text on their next use of the path). Resolver modules
     * are single files: they may import only {@code @aws-appsync/utils}.
     *
     * @param path the module's path, for example {@code Query.getTodo.js}
     * @param source its JavaScript text
     */
    public void define(String path, String source) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        sources.put(path, Source.newBuilder("js", source, path).mimeType(MODULE_MIME).buildLiteral());
    }

    /**
     * Makes a guest context and loads every module into it before any request needs it, so the first request does
     * not pay for both (seconds on a cold JVM). Meant for a background thread at start; a failure here only means
     * the first request does the work itself.
     */
    public void warmUp() {
        if (closed) {
            return;
        }
        GuestContext guest = borrow();
        try {
            for (Source source : List.copyOf(sources.values())) {
                if (!guest.exports.containsKey(source)) {
                    guest.exports.put(source, guest.context.eval(source));
                }
            }
        } catch (RuntimeException e) {
            guest.broken = true;
        } finally {
            try {
                release(guest);
            } catch (RuntimeException e) {
                // closed meanwhile: nothing to keep
            }
        }
    }

    /** How many guest contexts this engine has created so far (for tests and benchmarks of the pool). */
    public int contextsCreated() {
        return contextsCreated.get();
    }

    /**
     * Runs a pipeline resolver: the resolver's {@code request}, then for each function its {@code request}, the data
     * source and its {@code response}, then the resolver's {@code response}.
     *
     * @param pipeline the resolver module and its functions
     * @param request what the resolver knows about the request
     * @return the field's data, the GraphQL errors and the recorded extensions; never throws for a fault in guest
     *     code or a data source
     */
    public ResolverResult execute(Pipeline pipeline, RequestContext request) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(request, "request");
        GuestContext guest = borrow();
        try {
            return new PipelineRun(guest, pipeline, request).run();
        } finally {
            release(guest);
        }
    }

    @Override
    public void close() {
        closed = true;
        GuestContext guest;
        while ((guest = idle.poll()) != null) {
            guest.context.close();
        }
        // cancels contexts still running a request on another thread
        engine.close(true);
    }

    // ------------------------------------------------------------------------------------------- contexts

    private GuestContext borrow() {
        if (closed) {
            throw new IllegalStateException("The resolver engine is closed");
        }
        GuestContext guest = idle.poll();
        return guest != null ? guest : newContext();
    }

    private void release(GuestContext guest) {
        if (guest.broken || closed || idle.size() >= maxIdleContexts) {
            guest.context.close(true);
        } else {
            idle.push(guest);
        }
    }

    private GuestContext newContext() {
        Context context = Context.newBuilder("js")
                .engine(engine)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(name -> false)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowIO(IOAccess.newBuilder().fileSystem(fileSystem).build())
                .allowExperimentalOptions(true)
                .option("js.esm-eval-returns-exports", "true")
                .resourceLimits(limits)
                .build();
        context.getBindings("js").putMember("__amplify4jHost", host);
        Value exports = context.eval(glue);
        contextsCreated.incrementAndGet();
        return new GuestContext(context, exports.getMember("invoke"));
    }

    private Optional<Source> source(String module) {
        return Optional.ofNullable(sources.get(module));
    }

    private static String resource(String name) {
        try (InputStream in = ResolverEngine.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing runtime resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class GuestContext {
        final Context context;
        final Value invoke;
        /** Module namespaces by source: a redefined module is a new source and is evaluated afresh. */
        final Map<Source, Value> exports = new HashMap<>();
        boolean broken;

        GuestContext(Context context, Value invoke) {
            this.context = context;
            this.invoke = invoke;
        }
    }

    // ------------------------------------------------------------------------------------------- handlers

    /** What one handler call ended with. */
    private sealed interface Outcome {}

    private record Returned(Object value) implements Outcome {}

    private record EarlyReturn(Object value, boolean toEnd) implements Outcome {}

    private record Failed(GraphQLError error) implements Outcome {}

    private final class PipelineRun {
        private final GuestContext guest;
        private final Pipeline pipeline;
        private final RequestContext request;
        /** The parts of {@code ctx} that stay the same for every handler of the run, as one JSON object. */
        private final String base;
        private final String meta;
        /** {@code ctx.stash} as the last handler left it, as JSON text: Java only passes it on. */
        private String stash = "{}";
        private final List<GraphQLError> errors = new ArrayList<>();
        private final ExtensionRecorder extensions = new ExtensionRecorder();

        PipelineRun(GuestContext guest, Pipeline pipeline, RequestContext request) {
            this.guest = guest;
            this.pipeline = pipeline;
            this.request = request;
            this.base = Json.write(request.toContextJson());
            if (base.length() < 3 || base.charAt(base.length() - 1) != '}') {
                throw new IllegalStateException("The request context must be a non-empty JSON object");
            }
            var metaJson = new LinkedHashMap<String, Object>();
            metaJson.put("authType", request.authMode().authType());
            metaJson.put("info", Map.of(
                    "fieldName", request.info().fieldName(),
                    "parentTypeName", request.info().parentTypeName()));
            this.meta = Json.write(metaJson);
        }

        ResolverResult run() {
            Outcome outcome = call(pipeline.resolverModule(), "request", Optional.empty(), null, null);
            if (outcome instanceof Failed failed) {
                return fail(failed);
            }
            Object prev = value(outcome);
            if (!(outcome instanceof EarlyReturn)) {
                for (PipelineFunction function : pipeline.functions()) {
                    Outcome step = runFunction(function, prev);
                    if (step instanceof Failed failed) {
                        return fail(failed);
                    }
                    prev = value(step);
                    if (step instanceof EarlyReturn early && early.toEnd()) {
                        break;
                    }
                }
            }
            Outcome last = call(pipeline.resolverModule(), "response", Optional.ofNullable(prev).or(() -> Optional.of(NULL)), null, null);
            if (last instanceof Failed failed) {
                return fail(failed);
            }
            return new ResolverResult(GuestJson.java(value(last)), errors, extensions.result());
        }

        private Outcome runFunction(PipelineFunction function, Object prev) {
            Optional<Object> prevResult = Optional.of(prev == null ? NULL : prev);
            Outcome outcome = call(function.module(), "request", prevResult, null, null);
            if (!(outcome instanceof Returned returned)) {
                return outcome;
            }
            if (!(GuestJson.java(returned.value()) instanceof Map<?, ?> dataSourceRequest)) {
                return new Failed(GraphQLError.of(
                        "The request handler of function " + function.name() + " (" + function.module()
                                + ") must return an object for its data source",
                        "Code"));
            }
            Object result = null;
            Map<String, Object> error = null;
            try {
                result = function.dataSource().invoke(Json.asMap(dataSourceRequest));
            } catch (DataSourceException e) {
                error = errorJson(e.getMessage(), e.type());
            } catch (RuntimeException e) {
                error = errorJson(String.valueOf(e.getMessage()), "InternalFailure");
            }
            return call(function.module(), "response", prevResult, result == null ? NULL : result, error);
        }

        private Object value(Outcome outcome) {
            if (outcome instanceof Returned returned) {
                return returned.value();
            }
            return ((EarlyReturn) outcome).value();
        }

        private ResolverResult fail(Failed failed) {
            errors.add(failed.error());
            return new ResolverResult(null, errors, extensions.result());
        }

        private Outcome call(String module, String handler, Optional<Object> prevResult, Object result, Map<String, Object> error) {
            // ctx is base plus stash, prev, result and error, written without parsing or writing base again
            StringBuilder ctx = new StringBuilder(base.length() + stash.length() + 64)
                    .append(base, 0, base.length() - 1)
                    .append(",\"stash\":").append(stash)
                    .append(",\"prev\":{");
            prevResult.ifPresent(p -> ctx.append("\"result\":").append(toJson(p)));
            ctx.append('}');
            if (result != null) {
                ctx.append(",\"result\":").append(toJson(result));
            }
            if (error != null) {
                ctx.append(",\"error\":").append(Json.write(error));
            }
            ctx.append('}');
            Value answer;
            try {
                Optional<Source> source = source(module);
                if (source.isEmpty()) {
                    return new Failed(GraphQLError.of("No module " + module + " is defined in the resolver engine", "Code"));
                }
                Value exports = guest.exports.get(source.get());
                if (exports == null) {
                    exports = guest.context.eval(source.get());
                    guest.exports.keySet().removeIf(stale -> stale.getName().equals(module));
                    guest.exports.put(source.get(), exports);
                }
                Value function = exports.getMember(handler);
                if (function == null || !function.canExecute()) {
                    return new Failed(GraphQLError.of(
                            "The module " + module + " does not export a function named " + handler, "Code"));
                }
                guest.context.resetLimits();
                answer = guest.invoke.execute(function, ctx.toString(), meta);
            } catch (PolyglotException e) {
                return new Failed(codeError(e, module, handler));
            }
            // [the rest of the outcome, ctx.stash (null when undefined), the value (null after a signal)], as JSON
            Map<String, Object> outcome = Json.asMap(Json.read(answer.getArrayElement(0).asString()));
            Value stashJson = answer.getArrayElement(1);
            if (!stashJson.isNull()) {
                stash = stashJson.asString();
            }
            for (Object appended : Json.asList(outcome.get("appended"))) {
                errors.add(toError(Json.asMap(appended)));
            }
            for (Object recorded : Json.asList(outcome.get("extensions"))) {
                extensions.record(Json.asMap(recorded));
            }
            Map<String, Object> signal = Json.asMap(outcome.get("signal"));
            if (signal.isEmpty()) {
                return new Returned(new GuestJson(answer.getArrayElement(2).asString()));
            }
            if ("earlyReturn".equals(signal.get("kind"))) {
                return new EarlyReturn(signal.get("value"), "END".equals(signal.get("skipTo")));
            }
            return new Failed(toError(signal));
        }

        private GraphQLError codeError(PolyglotException e, String module, String handler) {
            if (e.isCancelled() || e.isResourceExhausted() || e.isExit() || e.isInternalError()) {
                guest.broken = true;
            }
            String message;
            if (e.isCancelled() || e.isResourceExhausted()) {
                message = "The " + handler + " handler of " + module + " exceeded the limit of " + statementLimit
                        + " statements";
            } else {
                message = e.getMessage() + location(e, module);
            }
            return GraphQLError.of(message, "Code");
        }
    }

    /** Marks an explicit JSON null where "absent" and "null" differ (ctx.prev.result, ctx.result). */
    private static final Object NULL = new Object();

    /** A value for {@code ctx}: JSON text, verbatim when the guest wrote it. */
    private static String toJson(Object value) {
        if (value == NULL) {
            return "null";
        }
        if (value instanceof GuestJson json) {
            return json.text;
        }
        return Json.write(value);
    }

    /**
     * A handler's return value as the guest stringified it. Most values only go on to the next handler's
     * {@code ctx.prev.result}, so they pass as text; Java parses one only when it needs it (a data source request,
     * the field's result).
     */
    private static final class GuestJson {
        final String text;
        private Object value;
        private boolean parsed;

        GuestJson(String text) {
            this.text = text;
        }

        /** {@code value} as plain Java values when it is guest JSON; otherwise {@code value} itself. */
        static Object java(Object value) {
            if (!(value instanceof GuestJson json)) {
                return value;
            }
            if (!json.parsed) {
                json.value = Json.read(json.text);
                json.parsed = true;
            }
            return json.value;
        }
    }

    private static String location(PolyglotException e, String module) {
        SourceSection section = e.getSourceLocation();
        if (section == null || section.getSource() == null) {
            return " (" + module + ")";
        }
        return " (" + section.getSource().getName() + ":" + section.getStartLine() + ":" + section.getStartColumn() + ")";
    }

    private static Map<String, Object> errorJson(String message, String type) {
        var error = new LinkedHashMap<String, Object>();
        error.put("message", message);
        error.put("type", type);
        return error;
    }

    private static GraphQLError toError(Map<String, Object> json) {
        return new GraphQLError(
                String.valueOf(json.get("message")),
                Optional.ofNullable((String) json.get("errorType")),
                Optional.ofNullable(json.get("data")),
                Optional.ofNullable(json.get("errorInfo")));
    }

    /** Collects {@code extensions.*} calls across the handlers of one run. */
    private static final class ExtensionRecorder {
        private Map<String, Object> subscriptionFilter;
        private Map<String, Object> invalidationFilter;
        private final List<Map<String, Object>> invalidations = new ArrayList<>();
        private final List<Map<String, Object>> evictions = new ArrayList<>();

        void record(Map<String, Object> recorded) {
            Map<String, Object> value = Json.asMap(recorded.get("value"));
            switch (String.valueOf(recorded.get("kind"))) {
                case "subscriptionFilter" -> subscriptionFilter = value;
                case "subscriptionInvalidationFilter" -> invalidationFilter = value;
                case "invalidateSubscriptions" -> {
                    if (!invalidations.contains(value)) {
                        invalidations.add(value);
                    }
                }
                case "evictFromApiCache" -> evictions.add(value);
                default -> throw new IllegalStateException("Unknown extension " + recorded.get("kind"));
            }
        }

        ResolverExtensions result() {
            return new ResolverExtensions(
                    Optional.ofNullable(subscriptionFilter),
                    Optional.ofNullable(invalidationFilter),
                    invalidations,
                    evictions);
        }
    }

    /** Configures a {@link ResolverEngine}. */
    public static final class Builder {
        private final Map<String, String> modules = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new java.security.SecureRandom();
        private long statementLimit = DEFAULT_STATEMENT_LIMIT;
        private int maxIdleContexts = Math.max(2, Runtime.getRuntime().availableProcessors());
        private OutputStream log = System.err;

        private Builder() {}

        /** Adds a resolver or function module under a path, for example {@code Query.getTodo.req.js}. */
        public Builder module(String path, String source) {
            modules.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(source, "source"));
            return this;
        }

        public Builder modules(Map<String, String> modulesByPath) {
            modulesByPath.forEach(this::module);
            return this;
        }

        /** The clock behind {@code util.time.*}, {@code autoUlid} and {@code autoKsuid}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The randomness behind {@code autoId}, {@code autoUlid}, {@code autoKsuid} and {@code util.math.random*};
         * pass a seeded generator for repeatable ids. It must be safe for use from several threads.
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How many guest statements one handler call may run before it is stopped. */
        public Builder statementLimit(long statementLimit) {
            if (statementLimit < 1) {
                throw new IllegalArgumentException("statementLimit must be positive, was " + statementLimit);
            }
            this.statementLimit = statementLimit;
            return this;
        }

        /** How many idle guest contexts to keep for reuse. */
        public Builder maxIdleContexts(int maxIdleContexts) {
            this.maxIdleContexts = Math.max(0, maxIdleContexts);
            return this;
        }

        /** Where {@code console.log} output of guest code goes (standard error by default). */
        public Builder log(OutputStream log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        public ResolverEngine build() {
            return new ResolverEngine(this);
        }
    }
}
