package io.amplify4j.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Test support: one engine per test class (the first context costs a second or two), fixed clock, seeded ids. */
final class Guest {
    /** 2018-02-06T19:01:35.749Z, the instant of AppSync's documentation examples. */
    static final Instant NOW = Instant.ofEpochMilli(1517943695749L);

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Guest() {}

    static ResolverEngine engine() {
        return engine(new Random(42));
    }

    static ResolverEngine engine(Random random) {
        return ResolverEngine.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .random(random)
                .log(OutputStream.nullOutputStream())
                .build();
    }

    static RequestContext request() {
        return RequestContext.builder(ResolverInfo.of("Query", "test")).build();
    }

    /** Runs {@code export function request(ctx) { return <expression>; }} and answers the value. */
    static Object eval(ResolverEngine engine, String expression) {
        ResolverResult result = run(engine, "return " + expression + ";", request());
        assertThat(result.errors()).as("errors of %s", expression).isEmpty();
        return result.data();
    }

    /** Runs a resolver whose request handler has the given body and whose response returns ctx.prev.result. */
    static ResolverResult run(ResolverEngine engine, String requestBody, RequestContext request) {
        String path = "expr" + COUNTER.incrementAndGet() + ".js";
        engine.define(path, "import { util, runtime, extensions } from '@aws-appsync/utils';\n"
                + "export function request(ctx) {\n" + requestBody + "\n}\n"
                + "export function response(ctx) {\n  return ctx.prev.result;\n}\n");
        return engine.execute(Pipeline.of(path), request);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    static Object json(String json) {
        return Json.read(json);
    }
}
