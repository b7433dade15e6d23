package io.amplify4j.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.datasource.NoneDataSource;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Faults in guest code become GraphQL errors of type Code; none of them escapes as a Java exception. */
class GuestFaultTest {
    private static ResolverEngine engine;

    @BeforeAll
    static void start() {
        engine = ResolverEngine.builder()
                .clock(java.time.Clock.fixed(Guest.NOW, java.time.ZoneOffset.UTC))
                .statementLimit(20_000)
                .log(java.io.OutputStream.nullOutputStream())
                .build();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static GraphQLError onlyError(ResolverResult result) {
        assertThat(result.data()).isNull();
        assertThat(result.errors()).hasSize(1);
        GraphQLError error = result.errors().get(0);
        assertThat(error.errorType()).contains("Code");
        assertThat(error.data()).isEmpty();
        assertThat(error.errorInfo()).isEmpty();
        return error;
    }

    private static ResolverResult run(String requestBody) {
        return Guest.run(engine, requestBody, Guest.request());
    }

    @Test
    void aTypeErrorNamesItselfAndWhereItHappened() {
        GraphQLError error = onlyError(run("return ctx.args.input.title;"));
        assertThat(error.message()).startsWith("TypeError: Cannot read property 'title' of undefined").matches(".*\\(expr\\d+\\.js:3:\\d+\\)");
    }

    @Test
    void aSyntaxErrorInAModuleIsACodeError() {
        engine.define("broken.js", "export function request(ctx) { return { a: 1 ; }\nexport function response(ctx) { return 1; }");
        GraphQLError error = onlyError(engine.execute(Pipeline.of("broken.js"), Guest.request()));
        assertThat(error.message()).contains("SyntaxError").contains("broken.js");
    }

    @Test
    void aRunawayLoopIsStoppedAndTheEngineCarriesOn() {
        int before = engine.contextsCreated();
        GraphQLError error = onlyError(run("let n = 0;\nwhile (true) { n = n + 1; }"));
        assertThat(error.message()).matches("The request handler of expr\\d+\\.js exceeded the limit of 20000 statements");
        // the cancelled context is thrown away; the next request gets a fresh one and works
        assertThat(Guest.eval(engine, "'still alive'")).isEqualTo("still alive");
        assertThat(engine.contextsCreated()).isGreaterThan(before);
    }

    @Test
    void theStatementLimitIsPerHandlerCall() {
        String body = "let n = 0;\nfor (const i of Array(2000).fill(0)) { n = n + i; }\nreturn n;";
        for (int i = 0; i < 30; i++) {
            assertThat(run(body).errors()).isEmpty();
        }
    }

    @Test
    void unboundedRecursionIsACodeError() {
        engine.define("recurse.js", """
                function down(n) { return down(n + 1) + 1; }
                export function request(ctx) { return down(0); }
                export function response(ctx) { return ctx.prev.result; }
                """);
        GraphQLError error = onlyError(engine.execute(Pipeline.of("recurse.js"), Guest.request()));
        assertThat(error.message()).satisfiesAnyOf(
                m -> assertThat(m).contains("RangeError"),
                m -> assertThat(m).contains("exceeded the limit of 20000 statements"));
    }

    @Test
    void aMissingHandlerOrModuleIsACodeError() {
        engine.define("no-response.js", "export function request(ctx) { return {}; }");
        assertThat(onlyError(engine.execute(Pipeline.of("no-response.js"), Guest.request())).message())
                .isEqualTo("The module no-response.js does not export a function named response");
        assertThat(onlyError(engine.execute(Pipeline.of("nowhere.js"), Guest.request())).message())
                .isEqualTo("No module nowhere.js is defined in the resolver engine");
    }

    @Test
    void aFunctionRequestMustBeAnObject() {
        engine.define("pass.js", "export function request(ctx) { return {}; }\nexport function response(ctx) { return ctx.prev.result; }");
        engine.define("string-request.js", "export function request(ctx) { return 'GetItem'; }\nexport function response(ctx) { return 1; }");
        GraphQLError error = onlyError(engine.execute(
                Pipeline.of("pass.js", new PipelineFunction("getItem", "string-request.js", new NoneDataSource())),
                Guest.request()));
        assertThat(error.message())
                .isEqualTo("The request handler of function getItem (string-request.js) must return an object for its data source");
    }

    @Test
    void aValueThatIsNotJsonIsACodeError() {
        assertThat(onlyError(run("return { big: 10n };")).message()).contains("BigInt");
    }

    @Test
    void aBadArgumentToAUtilIsACodeError() {
        assertThat(onlyError(run("return util.time.parseISO8601ToEpochMilliSeconds('not a date');")).message())
                .contains("not a date");
    }

    @Test
    void guestCodeReachesNoJavaNoFilesAndNoOtherModules() {
        assertThat(onlyError(run("return Java.type('java.lang.System').getenv();")).message()).isNotBlank();
        assertThat(onlyError(run("return Polyglot.eval('js', '1');")).message()).isNotBlank();
        engine.define("imports-fs.js", "import fs from 'fs';\nexport function request(ctx) { return 1; }\nexport function response(ctx) { return 1; }");
        assertThat(onlyError(engine.execute(Pipeline.of("imports-fs.js"), Guest.request())).message()).contains("fs");
        engine.define("imports-file.js", "import x from '/etc/passwd';\nexport function request(ctx) { return 1; }\nexport function response(ctx) { return 1; }");
        assertThat(onlyError(engine.execute(Pipeline.of("imports-file.js"), Guest.request())).message()).contains("passwd");
    }

    @Test
    void nothingLeaksFromAFailedRequestIntoTheNext() {
        Guest.run(engine, "util.appendError('left over'); extensions.invalidateSubscriptions({ subscriptionField: 'x', payload: {} }); return ctx.args.a.b;", Guest.request());
        ResolverResult next = run("return 'clean';");
        assertThat(next.errors()).isEmpty();
        assertThat(next.extensions()).isEqualTo(ResolverExtensions.NONE);
        assertThat(next.data()).isEqualTo("clean");
    }

    @Test
    void aGuestErrorDoesNotStopTheEngine() {
        for (int i = 0; i < 3; i++) {
            onlyError(run("return null.x;"));
            assertThat(Guest.eval(engine, "({ ok: true })")).isEqualTo(Map.of("ok", true));
        }
    }
}
