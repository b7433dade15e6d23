package io.amplify4j.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.datasource.DataSource;
import io.amplify4j.sandbox.datasource.DataSourceException;
import io.amplify4j.sandbox.datasource.NoneDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline: resolver request, each function's request, data source and response, resolver response. */
class PipelineTest {
    private static ResolverEngine engine;

    /** The resolver most pipelines below use: passes the arguments on and answers the last function's result. */
    private static final String PASS = """
            export function request(ctx) {
              return { args: ctx.args };
            }
            export function response(ctx) {
              return ctx.prev.result;
            }
            """;

    /** A NONE-style function: sends {payload} and answers the data source's result. */
    private static final String ECHO = """
            export function request(ctx) {
              return { payload: { prev: ctx.prev.result ?? null, stash: { ...ctx.stash } } };
            }
            export function response(ctx) {
              return ctx.result;
            }
            """;

    @BeforeAll
    static void start() {
        engine = Guest.engine();
        engine.define("pass.js", PASS);
        engine.define("echo.js", ECHO);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static RequestContext getTodo(Map<String, Object> arguments) {
        return RequestContext.builder(ResolverInfo.of("Query", "getTodo")).arguments(arguments).build();
    }

    /** A data source that records each request and answers with a function of it. */
    private static final class Recording implements DataSource {
        final List<Map<String, Object>> requests = new ArrayList<>();
        private final DataSource answer;

        Recording(DataSource answer) {
            this.answer = answer;
        }

        @Override
        public Object invoke(Map<String, Object> request) throws DataSourceException {
            requests.add(request);
            return answer.invoke(request);
        }
    }

    private static PipelineFunction fn(String name, String module, DataSource dataSource) {
        return new PipelineFunction(name, module, dataSource);
    }

    @Test
    void eachResultBecomesTheNextHandlersPrevResult() {
        engine.define("step.js", """
                export function request(ctx) {
                  return { operation: 'Step', payload: { seen: ctx.prev.result } };
                }
                export function response(ctx) {
                  return { count: (ctx.prev.result?.count ?? 0) + 1, seen: ctx.result.seen };
                }
                """);
        var source = new Recording(new NoneDataSource());
        ResolverResult result = engine.execute(
                Pipeline.of("pass.js", fn("one", "step.js", source), fn("two", "step.js", source)),
                getTodo(Map.of("id", "t1")));

        assertThat(result.errors()).isEmpty();
        assertThat(source.requests).containsExactly(
                Map.of("operation", "Step", "payload", Map.of("seen", Map.of("args", Map.of("id", "t1")))),
                Map.of("operation", "Step", "payload", Map.of("seen", Map.of("count", 1L, "seen", Map.of("args", Map.of("id", "t1"))))));
        assertThat(result.data()).isEqualTo(Map.of("count", 2L, "seen", Map.of("count", 1L, "seen", Map.of("args", Map.of("id", "t1")))));
    }

    @Test
    void anUndefinedStashKeepsTheLastOneAndUnserializableValuesBecomeNull() {
        engine.define("odd-resolver.js", """
                export function request(ctx) {
                  ctx.stash.kept = 1;
                  return {};
                }
                export function response(ctx) {
                  return { prev: ctx.prev.result, stash: ctx.stash };
                }
                """);
        engine.define("odd-fn.js", """
                export function request(ctx) {
                  ctx.stash = undefined;
                  return { payload: null };
                }
                export function response(ctx) {
                  return () => 'a function is no JSON value';
                }
                """);
        ResolverResult result = engine.execute(
                Pipeline.of("odd-resolver.js", fn("a", "odd-fn.js", new NoneDataSource())), getTodo(Map.of()));
        assertThat(result.errors()).isEmpty();
        Map<String, Object> expected = new java.util.HashMap<>();
        expected.put("prev", null);
        expected.put("stash", Map.of("kept", 1L));
        assertThat(result.data()).isEqualTo(expected);
    }

    @Test
    void theStashIsSharedByEveryHandler() {
        engine.define("stash-resolver.js", """
                export function request(ctx) {
                  ctx.stash.trail = ['resolver.request'];
                  return {};
                }
                export function response(ctx) {
                  ctx.stash.trail.push('resolver.response');
                  return ctx.stash;
                }
                """);
        engine.define("stash-fn.js", """
                export function request(ctx) {
                  ctx.stash.trail.push('fn.request');
                  return { payload: null };
                }
                export function response(ctx) {
                  ctx.stash.trail.push('fn.response');
                  ctx.stash.last = ctx.info.fieldName;
                  return null;
                }
                """);
        ResolverResult result = engine.execute(
                Pipeline.of("stash-resolver.js", fn("a", "stash-fn.js", new NoneDataSource()), fn("b", "stash-fn.js", new NoneDataSource())),
                getTodo(Map.of()));
        assertThat(result.data()).isEqualTo(Map.of(
                "trail", List.of("resolver.request", "fn.request", "fn.response", "fn.request", "fn.response", "resolver.response"),
                "last", "getTodo"));
    }

    @Test
    void aFailingDataSourceSetsCtxErrorAndTheResponseHandlerDecides() {
        engine.define("report-error.js", """
                export function request(ctx) {
                  return { operation: 'PutItem' };
                }
                export function response(ctx) {
                  return { error: ctx.error ?? null, result: ctx.result === undefined ? 'absent' : ctx.result };
                }
                """);
        DataSource failing = request -> {
            throw new DataSourceException("DynamoDB:ConditionalCheckFailedException", "The conditional request failed");
        };
        ResolverResult result = engine.execute(Pipeline.of("pass.js", fn("put", "report-error.js", failing)), getTodo(Map.of()));
        // AppSync does not raise a data source error by itself: the response handler sees it and decides
        assertThat(result.errors()).isEmpty();
        assertThat(result.data()).isEqualTo(Guest.json("""
                {"error":{"message":"The conditional request failed","type":"DynamoDB:ConditionalCheckFailedException"},"result":null}"""));

        engine.define("raise-error.js", """
                import { util } from '@aws-appsync/utils';
                export function request(ctx) {
                  return { operation: 'PutItem' };
                }
                export function response(ctx) {
                  if (ctx.error) {
                    util.error(ctx.error.message, ctx.error.type);
                  }
                  return ctx.result;
                }
                """);
        ResolverResult raised = engine.execute(Pipeline.of("pass.js", fn("put", "raise-error.js", failing)), getTodo(Map.of()));
        assertThat(raised.data()).isNull();
        assertThat(raised.errors()).containsExactly(
                GraphQLError.of("The conditional request failed", "DynamoDB:ConditionalCheckFailedException"));
    }

    @Test
    void aDataSourceThatCrashesIsReportedAsAnInternalFailure() {
        engine.define("report-error-2.js", """
                export function request(ctx) {
                  return {};
                }
                export function response(ctx) {
                  return ctx.error;
                }
                """);
        DataSource crashing = request -> {
            throw new IllegalStateException("boom");
        };
        assertThat(engine.execute(Pipeline.of("pass.js", fn("x", "report-error-2.js", crashing)), getTodo(Map.of())).data())
                .isEqualTo(Map.of("message", "boom", "type", "InternalFailure"));
    }

    @Test
    void earlyReturnInTheResolverRequestSkipsEveryFunction() {
        engine.define("early-resolver.js", """
                import { runtime } from '@aws-appsync/utils';
                export function request(ctx) {
                  runtime.earlyReturn({ cached: true });
                  return { never: true };
                }
                export function response(ctx) {
                  return { prev: ctx.prev.result };
                }
                """);
        var source = new Recording(new NoneDataSource());
        ResolverResult result = engine.execute(Pipeline.of("early-resolver.js", fn("f", "echo.js", source)), getTodo(Map.of()));
        assertThat(source.requests).isEmpty();
        assertThat(result.data()).isEqualTo(Map.of("prev", Map.of("cached", true)));
    }

    @Test
    void earlyReturnInAFunctionRequestSkipsItsDataSourceAndResponseThenGoesOn() {
        engine.define("early-next.js", """
                import { runtime } from '@aws-appsync/utils';
                export function request(ctx) {
                  return runtime.earlyReturn({ skipped: ctx.args.id });
                }
                export function response(ctx) {
                  return { responseRan: true };
                }
                """);
        var skipped = new Recording(new NoneDataSource());
        var next = new Recording(new NoneDataSource());
        ResolverResult result = engine.execute(
                Pipeline.of("pass.js", fn("skip", "early-next.js", skipped), fn("next", "echo.js", next)),
                getTodo(Map.of("id", "t1")));
        assertThat(skipped.requests).isEmpty();
        assertThat(next.requests).containsExactly(Map.of("payload", Map.of("prev", Map.of("skipped", "t1"), "stash", Map.of())));
        assertThat(result.data()).isEqualTo(Map.of("prev", Map.of("skipped", "t1"), "stash", Map.of()));
    }

    @Test
    void earlyReturnToEndJumpsToTheResolverResponse() {
        engine.define("early-end.js", """
                import { runtime } from '@aws-appsync/utils';
                export function request(ctx) {
                  runtime.earlyReturn('done', { skipTo: 'END' });
                }
                export function response(ctx) {
                  return 'response ran';
                }
                """);
        var later = new Recording(new NoneDataSource());
        ResolverResult result = engine.execute(
                Pipeline.of("pass.js", fn("end", "early-end.js", new NoneDataSource()), fn("later", "echo.js", later)),
                getTodo(Map.of()));
        assertThat(later.requests).isEmpty();
        assertThat(result.data()).isEqualTo("done");
    }

    @Test
    void earlyReturnInResponseHandlersEndsThemWithItsValue() {
        engine.define("early-in-response.js", """
                import { runtime } from '@aws-appsync/utils';
                export function request(ctx) {
                  return { payload: 1 };
                }
                export function response(ctx) {
                  runtime.earlyReturn({ from: 'function response' }, { skipTo: 'END' });
                  return 'not this';
                }
                """);
        engine.define("early-resolver-response.js", """
                import { runtime } from '@aws-appsync/utils';
                export function request(ctx) {
                  return {};
                }
                export function response(ctx) {
                  runtime.earlyReturn([ctx.prev.result, 'resolver response']);
                }
                """);
        var later = new Recording(new NoneDataSource());
        ResolverResult result = engine.execute(
                Pipeline.of("early-resolver-response.js",
                        fn("first", "early-in-response.js", new NoneDataSource()), fn("later", "echo.js", later)),
                getTodo(Map.of()));
        assertThat(later.requests).isEmpty();
        assertThat(result.data()).isEqualTo(List.of(Map.of("from", "function response"), "resolver response"));
    }

    @Test
    void utilErrorStopsThePipelineAndBecomesTheFieldsError() {
        engine.define("fail.js", """
                import { util } from '@aws-appsync/utils';
                export function request(ctx) {
                  util.error('Todo t1 is locked', 'Conflict', { id: 't1' }, { retryAfter: 30 });
                  return { payload: 'never' };
                }
                export function response(ctx) {
                  return 'never';
                }
                """);
        var source = new Recording(new NoneDataSource());
        var later = new Recording(new NoneDataSource());
        ResolverResult result = engine.execute(
                Pipeline.of("pass.js", fn("fail", "fail.js", source), fn("later", "echo.js", later)), getTodo(Map.of()));
        assertThat(source.requests).isEmpty();
        assertThat(later.requests).isEmpty();
        assertThat(result.data()).isNull();
        assertThat(result.errors()).containsExactly(new GraphQLError(
                "Todo t1 is locked", Optional.of("Conflict"), Optional.of(Map.of("id", "t1")), Optional.of(Map.of("retryAfter", 30L))));
        assertThat(result.errors().get(0).toJson()).isEqualTo(Guest.json("""
                {"message":"Todo t1 is locked","errorType":"Conflict","data":{"id":"t1"},"errorInfo":{"retryAfter":30}}"""));
    }

    @Test
    void appendErrorCollectsErrorsAndCarriesOn() {
        engine.define("append.js", """
                import { util } from '@aws-appsync/utils';
                export function request(ctx) {
                  util.appendError('first');
                  return { payload: { ok: true } };
                }
                export function response(ctx) {
                  util.appendError('second', 'Warning', { field: 'title' });
                  return ctx.result;
                }
                """);
        ResolverResult result = engine.execute(Pipeline.of("pass.js", fn("append", "append.js", new NoneDataSource())), getTodo(Map.of()));
        assertThat(result.data()).isEqualTo(Map.of("ok", true));
        assertThat(result.errors()).containsExactly(
                new GraphQLError("first", Optional.empty(), Optional.empty(), Optional.empty()),
                new GraphQLError("second", Optional.of("Warning"), Optional.of(Map.of("field", "title")), Optional.empty()));
        assertThat(result.errors().get(0).toJson()).isEqualTo(Guest.json("""
                {"message":"first","errorType":null,"data":null,"errorInfo":null}"""));

        engine.define("append-then-fail.js", """
                import { util } from '@aws-appsync/utils';
                export function request(ctx) {
                  util.appendError('noted');
                  util.error('stopped', 'Stop');
                }
                export function response(ctx) {
                  return null;
                }
                """);
        ResolverResult failed = engine.execute(
                Pipeline.of("pass.js", fn("x", "append-then-fail.js", new NoneDataSource())), getTodo(Map.of()));
        assertThat(failed.data()).isNull();
        assertThat(failed.errors()).extracting(GraphQLError::message).containsExactly("noted", "stopped");
    }

    @Test
    void unauthorizedNamesTheFieldAndItsType() {
        engine.define("deny.js", """
                import { util } from '@aws-appsync/utils';
                export function request(ctx) {
                  if (!ctx.identity?.groups?.includes('Admin')) {
                    util.unauthorized();
                  }
                  return {};
                }
                export function response(ctx) {
                  return ctx.prev.result;
                }
                """);
        RequestContext request = RequestContext.builder(ResolverInfo.of("Mutation", "deleteTodo"))
                .identity(AuthMode.USER_POOL, Identities.userPool(
                        Map.of("sub", "u1", "iss", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x",
                                "cognito:username", "alice", "cognito:groups", List.of("Users")),
                        List.of("127.0.0.1"), "ALLOW"))
                .build();
        ResolverResult result = engine.execute(Pipeline.of("deny.js"), request);
        assertThat(result.data()).isNull();
        assertThat(result.errors()).containsExactly(
                GraphQLError.of("Not Authorized to access deleteTodo on type Mutation", "Unauthorized"));
    }

    @Test
    void theContextCarriesTheRequest() {
        engine.define("context.js", """
                import { util } from '@aws-appsync/utils';
                export function request(ctx) {
                  return {
                    args: ctx.args,
                    same: ctx.args === ctx.arguments,
                    identity: ctx.identity,
                    authType: util.authType(),
                    source: ctx.source,
                    headers: ctx.request.headers,
                    domainName: ctx.request.domainName,
                    info: ctx.info,
                    env: ctx.env,
                    prev: ctx.prev,
                    result: ctx.result ?? 'absent',
                    error: ctx.error ?? 'absent',
                  };
                }
                export function response(ctx) {
                  return ctx.prev.result;
                }
                """);
        RequestContext request = RequestContext.builder(new ResolverInfo(
                        "author", "Post", Map.of("id", "p1"), List.of("id", "name"), "{\\n  id\\n  name\\n}"))
                .arguments(Map.of("limit", 10L))
                .identity(AuthMode.LAMBDA, Identities.lambda(Map.of("tenant", "t1")))
                .source(Map.of("id", "p1", "authorId", "a1"))
                .header("x-api-key", "da2-key")
                .domainName("api.example.com")
                .env(Map.of("STAGE", "dev"))
                .build();
        assertThat(engine.execute(Pipeline.of("context.js"), request).data()).isEqualTo(Guest.json("""
                {"args":{"limit":10},"same":true,"identity":{"resolverContext":{"tenant":"t1"}},
                 "authType":"Lambda Authorization","source":{"id":"p1","authorId":"a1"},
                 "headers":{"x-api-key":"da2-key"},"domainName":"api.example.com",
                 "info":{"fieldName":"author","parentTypeName":"Post","variables":{"id":"p1"},
                         "selectionSetList":["id","name"],"selectionSetGraphQL":"{\\\\n  id\\\\n  name\\\\n}"},
                 "env":{"STAGE":"dev"},"prev":{},"result":"absent","error":"absent"}"""));
    }

    @Test
    void authTypeNamesEachMode() {
        engine.define("auth-type.js", """
                import { util } from '@aws-appsync/utils';
                export function request(ctx) {
                  return [util.authType(), ctx.identity];
                }
                export function response(ctx) {
                  return ctx.prev.result;
                }
                """);
        var info = ResolverInfo.of("Query", "me");
        Map<String, Object> claims = Map.of("sub", "u1", "iss", "https://issuer.example.com");
        assertThat(engine.execute(Pipeline.of("auth-type.js"), RequestContext.builder(info).apiKey().build()).data())
                .isEqualTo(Guest.json("[\"API Key Authorization\",null]"));
        assertThat(engine.execute(Pipeline.of("auth-type.js"),
                        RequestContext.builder(info).identity(AuthMode.OIDC, Identities.oidc(claims)).build()).data())
                .isEqualTo(List.of("Open ID Connect Authorization",
                        Map.of("sub", "u1", "issuer", "https://issuer.example.com", "claims", claims)));
        Map<String, Object> iam = Identities.iam("123456789012", "arn:aws:iam::123456789012:user/alice", "AIDAEXAMPLE",
                List.of("10.0.0.1"), null, null, null, null);
        assertThat(Json.asList(engine.execute(Pipeline.of("auth-type.js"),
                        RequestContext.builder(info).identity(AuthMode.IAM, iam).build()).data()))
                .containsExactly("IAM Authorization", iam);
        Map<String, Object> pool = Identities.userPool(
                Map.of("sub", "u1", "iss", "https://cognito", "username", "bob"), List.of("10.0.0.1"), "ALLOW");
        assertThat(Json.asList(engine.execute(Pipeline.of("auth-type.js"),
                        RequestContext.builder(info).identity(AuthMode.USER_POOL, pool).build()).data()))
                .containsExactly("User Pool Authorization", pool);
        assertThat(pool).containsEntry("username", "bob").containsEntry("groups", null);
    }

    @Test
    void changesToCtxArgsDoNotLeakIntoLaterHandlers() {
        engine.define("mutate-args.js", """
                export function request(ctx) {
                  ctx.args.id = 'changed';
                  ctx.args.extra = true;
                  return { payload: ctx.args };
                }
                export function response(ctx) {
                  return { sent: ctx.result, now: ctx.args };
                }
                """);
        ResolverResult result = engine.execute(
                Pipeline.of("pass.js", fn("m", "mutate-args.js", new NoneDataSource())), getTodo(Map.of("id", "t1")));
        assertThat(result.data()).isEqualTo(Map.of("sent", Map.of("id", "changed", "extra", true), "now", Map.of("id", "t1")));
    }

    @Test
    void numbersComeOutAsInAppSync() {
        assertThat(Guest.eval(engine, "[1, 1.0, 2.5, -3, 2 ** 53, 1e21, 0.1 + 0.2]"))
                .isEqualTo(List.of(1L, 1L, 2.5, -3L, 9007199254740992L, 1.0e21, 0.30000000000000004));
    }

    @Test
    void extensionsAreRecordedForTheCaller() {
        engine.define("subscribe.js", """
                import { util, extensions } from '@aws-appsync/utils';
                export function request(ctx) {
                  return { payload: null };
                }
                export function response(ctx) {
                  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ owner: { eq: ctx.identity.sub } }));
                  extensions.setSubscriptionInvalidationFilter({ filterGroup: [{ filters: [{ fieldName: 'id', operator: 'eq', value: 'g1' }] }] });
                  return null;
                }
                """);
        RequestContext subscribe = RequestContext.builder(ResolverInfo.of("Subscription", "onCreateTodo"))
                .identity(AuthMode.OIDC, Identities.oidc(Map.of("sub", "u1", "iss", "i")))
                .build();
        ResolverExtensions recorded = engine.execute(Pipeline.of("subscribe.js"), subscribe).extensions();
        assertThat(recorded.subscriptionFilter()).contains(Guest.map(Guest.json("""
                {"filterGroup":[{"filters":[{"fieldName":"owner","operator":"eq","value":"u1"}]}]}""")));
        assertThat(recorded.subscriptionInvalidationFilter()).contains(Guest.map(Guest.json("""
                {"filterGroup":[{"filters":[{"fieldName":"id","operator":"eq","value":"g1"}]}]}""")));
        assertThat(SubscriptionFilter.matches(recorded.subscriptionFilter().orElseThrow(), Map.of("owner", "u1"))).isTrue();
        assertThat(SubscriptionFilter.matches(recorded.subscriptionFilter().orElseThrow(), Map.of("owner", "u2"))).isFalse();

        engine.define("invalidate.js", """
                import { extensions } from '@aws-appsync/utils';
                export function request(ctx) {
                  return {};
                }
                export function response(ctx) {
                  extensions.invalidateSubscriptions({ subscriptionField: 'onGroupMessage', payload: { groupId: 'g1' } });
                  extensions.invalidateSubscriptions({ subscriptionField: 'onGroupMessage', payload: { groupId: 'g1' } });
                  extensions.invalidateSubscriptions({ subscriptionField: 'onGroupMessage', payload: { groupId: 'g2' } });
                  extensions.evictFromApiCache('Query', 'getTodo', { 'ctx.args.id': 't1' });
                  return true;
                }
                """);
        ResolverExtensions invalidations = engine.execute(Pipeline.of("invalidate.js"), getTodo(Map.of())).extensions();
        assertThat(invalidations.invalidations()).containsExactly(
                Map.of("subscriptionField", "onGroupMessage", "payload", Map.of("groupId", "g1")),
                Map.of("subscriptionField", "onGroupMessage", "payload", Map.of("groupId", "g2")));
        assertThat(invalidations.cacheEvictions()).containsExactly(
                Map.of("typeName", "Query", "fieldName", "getTodo", "keys", Map.of("ctx.args.id", "t1")));
        assertThat(invalidations.subscriptionFilter()).isEmpty();
    }

    @Test
    void aRedefinedModuleRunsItsNewText() {
        engine.define("versioned.js", "export function request(ctx) { return 1; }\nexport function response(ctx) { return ctx.prev.result; }");
        assertThat(engine.execute(Pipeline.of("versioned.js"), getTodo(Map.of())).data()).isEqualTo(1L);
        engine.define("versioned.js", "export function request(ctx) { return 2; }\nexport function response(ctx) { return ctx.prev.result; }");
        assertThat(engine.execute(Pipeline.of("versioned.js"), getTodo(Map.of())).data()).isEqualTo(2L);
        assertThat(engine.modules()).contains("versioned.js", "pass.js");
    }
}
