package io.amplify4j.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.datasource.DataSource;
import io.amplify4j.sandbox.datasource.DataSourceException;
import io.amplify4j.sandbox.datasource.NoneDataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resolvers as a user or our generator writes them (only {@code @aws-appsync/utils}, const/let, for-of, spread,
 * {@code ??}, {@code ?.}, arrow functions, raw DynamoDB requests), run against a fake table.
 */
class GeneratedResolversTest {
    private static final String INIT = """
            import { util } from '@aws-appsync/utils';

            export function request(ctx) {
              ctx.stash.defaultValues = ctx.stash.defaultValues ?? {};
              const now = util.time.nowISO8601();
              ctx.stash.defaultValues.createdAt = now;
              ctx.stash.defaultValues.updatedAt = now;
              return {};
            }

            export function response(ctx) {
              return ctx.prev.result;
            }
            """;

    private static final String OWNER_AUTH = """
            import { util } from '@aws-appsync/utils';

            export function request(ctx) {
              const sub = ctx.identity?.sub;
              const username = ctx.identity?.username;
              if (util.authType() !== 'User Pool Authorization' || !sub) {
                util.unauthorized();
              }
              ctx.stash.owner = `${sub}::${username}`;
              return { payload: null };
            }

            export function response(ctx) {
              return ctx.prev.result;
            }
            """;

    private static final String CREATE = """
            import { util } from '@aws-appsync/utils';

            export function request(ctx) {
              const { input } = ctx.args;
              const id = input.id ?? util.autoId();
              const item = { ...ctx.stash.defaultValues, ...input, id, owner: ctx.stash.owner, __typename: 'Todo' };
              for (const [key, value] of Object.entries(item)) {
                if (value === undefined) {
                  delete item[key];
                }
              }
              return {
                operation: 'PutItem',
                key: util.dynamodb.toMapValues({ id }),
                attributeValues: util.dynamodb.toMapValues(item),
                condition: JSON.parse(util.transform.toDynamoDBConditionExpression({ and: [{ id: { attributeExists: false } }] })),
              };
            }

            export function response(ctx) {
              if (ctx.error) {
                util.error(ctx.error.message, ctx.error.type);
              }
              return ctx.result;
            }
            """;

    private static final String LIST = """
            import { util } from '@aws-appsync/utils';

            export function request(ctx) {
              const { filter, limit = 100, nextToken } = ctx.args;
              const scan = { operation: 'Scan', limit, nextToken: nextToken ?? null };
              if (filter) {
                scan.filter = JSON.parse(util.transform.toDynamoDBFilterExpression(filter));
              }
              return scan;
            }

            export function response(ctx) {
              if (ctx.error) {
                util.error(ctx.error.message, ctx.error.type);
              }
              const mine = (ctx.result.items ?? []).filter((item) => item.owner === ctx.stash.owner);
              return { items: mine.map((item) => ({ ...item, titleLength: item.title?.length ?? 0 })), nextToken: ctx.result.nextToken ?? null };
            }
            """;

    private static ResolverEngine engine;

    @BeforeAll
    static void start() {
        engine = Guest.engine(new Random(1));
        engine.define("Mutation.createTodo.js", INIT);
        engine.define("Query.listTodos.js", INIT);
        engine.define("ownerAuth.js", OWNER_AUTH);
        engine.define("createTodo.js", CREATE);
        engine.define("listTodos.js", LIST);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** A table that understands just PutItem (with the create condition) and Scan, storing plain JSON. */
    private static final class FakeTable implements DataSource {
        final Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        final List<Map<String, Object>> requests = new ArrayList<>();

        @Override
        public synchronized Object invoke(Map<String, Object> request) throws DataSourceException {
            requests.add(request);
            switch ((String) request.get("operation")) {
                case "PutItem" -> {
                    Map<String, Object> item = Json.asMap(unmarshal(Map.of("M", request.get("attributeValues"))));
                    String id = (String) item.get("id");
                    if (items.containsKey(id)) {
                        throw new DataSourceException("DynamoDB:ConditionalCheckFailedException", "The conditional request failed");
                    }
                    items.put(id, item);
                    return item;
                }
                case "Scan" -> {
                    return Map.of("items", List.copyOf(items.values()), "scannedCount", (long) items.size());
                }
                default -> throw new DataSourceException("DynamoDB:UnsupportedOperation", "Unsupported");
            }
        }

        private static Object unmarshal(Object attribute) {
            Map<String, Object> typed = Json.asMap(attribute);
            var entry = typed.entrySet().iterator().next();
            return switch (entry.getKey()) {
                case "S", "N", "BOOL" -> entry.getValue();
                case "NULL" -> null;
                case "L" -> Json.asList(entry.getValue()).stream().map(FakeTable::unmarshal).toList();
                case "M" -> {
                    var map = new LinkedHashMap<String, Object>();
                    Json.asMap(entry.getValue()).forEach((k, v) -> map.put(k, unmarshal(v)));
                    yield map;
                }
                default -> throw new IllegalArgumentException(entry.getKey());
            };
        }
    }

    private static RequestContext as(String field, String type, Map<String, Object> arguments) {
        return RequestContext.builder(ResolverInfo.of(type, field))
                .arguments(arguments)
                .identity(AuthMode.USER_POOL, Identities.userPool(
                        Map.of("sub", "u1", "iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x",
                                "cognito:username", "alice"),
                        List.of("127.0.0.1"), "ALLOW"))
                .build();
    }

    private static Pipeline create(FakeTable table) {
        return Pipeline.of("Mutation.createTodo.js",
                new PipelineFunction("auth", "ownerAuth.js", new NoneDataSource()),
                new PipelineFunction("data", "createTodo.js", table));
    }

    @Test
    void createsAndListsTodos() {
        var table = new FakeTable();
        ResolverResult created = engine.execute(create(table),
                as("createTodo", "Mutation", Map.of("input", Map.of("id", "t1", "title", "Write tests", "done", false, "priority", 2L))));
        assertThat(created.errors()).isEmpty();
        assertThat(created.data()).isEqualTo(Guest.json("""
                {"createdAt":"2018-02-06T19:01:35.749Z","updatedAt":"2018-02-06T19:01:35.749Z","id":"t1","title":"Write tests",
                 "done":false,"priority":2,"owner":"u1::alice","__typename":"Todo"}"""));
        assertThat(table.requests.get(0)).isEqualTo(Guest.json("""
                {"operation":"PutItem","key":{"id":{"S":"t1"}},
                 "attributeValues":{"createdAt":{"S":"2018-02-06T19:01:35.749Z"},"updatedAt":{"S":"2018-02-06T19:01:35.749Z"},
                   "id":{"S":"t1"},"title":{"S":"Write tests"},"done":{"BOOL":false},"priority":{"N":2},
                   "owner":{"S":"u1::alice"},"__typename":{"S":"Todo"}},
                 "condition":{"expression":"(attribute_not_exists(#id))","expressionNames":{"#id":"id"},"expressionValues":{}}}"""));

        ResolverResult again = engine.execute(create(table), as("createTodo", "Mutation", Map.of("input", Map.of("id", "t1"))));
        assertThat(again.data()).isNull();
        assertThat(again.errors()).containsExactly(
                GraphQLError.of("The conditional request failed", "DynamoDB:ConditionalCheckFailedException"));

        ResolverResult generated = engine.execute(create(table), as("createTodo", "Mutation", Map.of("input", Map.of("title", "Generated id"))));
        assertThat((String) Guest.map(generated.data()).get("id")).matches("[0-9a-f-]{36}");

        ResolverResult listed = engine.execute(
                Pipeline.of("Query.listTodos.js",
                        new PipelineFunction("auth", "ownerAuth.js", new NoneDataSource()),
                        new PipelineFunction("data", "listTodos.js", table)),
                as("listTodos", "Query", Map.of("filter", Map.of("done", Map.of("eq", false)), "limit", 10L)));
        assertThat(listed.errors()).isEmpty();
        assertThat(Json.asList(Guest.map(listed.data()).get("items"))).extracting(i -> Guest.map(i).get("titleLength"))
                .containsExactly(11L, 12L);
        assertThat(table.requests.get(table.requests.size() - 1)).isEqualTo(Guest.json("""
                {"operation":"Scan","limit":10,"nextToken":null,
                 "filter":{"expression":"(#done = :done_eq)","expressionNames":{"#done":"done"},"expressionValues":{":done_eq":{"BOOL":false}}}}"""));
    }

    @Test
    void anApiKeyCallerIsTurnedAway() {
        var table = new FakeTable();
        ResolverResult result = engine.execute(create(table),
                RequestContext.builder(ResolverInfo.of("Mutation", "createTodo")).arguments(Map.of("input", Map.of())).build());
        assertThat(result.errors()).containsExactly(GraphQLError.of("Not Authorized to access createTodo on type Mutation", "Unauthorized"));
        assertThat(table.requests).isEmpty();
    }

    @Test
    void theSameInputsGiveTheSameOutputs() {
        List<Object> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (var fresh = Guest.engine(new Random(99))) {
                fresh.define("Mutation.createTodo.js", INIT);
                fresh.define("ownerAuth.js", OWNER_AUTH);
                fresh.define("createTodo.js", CREATE);
                var table = new FakeTable();
                runs.add(fresh.execute(create(table), as("createTodo", "Mutation", Map.of("input", Map.of("title", "a")))).data());
            }
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1));
    }

    @Test
    void requestsRunSafelyFromManyThreads() throws Exception {
        var table = new FakeTable();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ResolverResult>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "c" + i;
                futures.add(pool.submit(() -> engine.execute(create(table),
                        as("createTodo", "Mutation", Map.of("input", Map.of("id", id, "title", id))))));
            }
            for (Future<ResolverResult> future : futures) {
                ResolverResult result = future.get();
                assertThat(result.errors()).isEmpty();
                assertThat(Guest.map(result.data()).get("id")).isEqualTo(Guest.map(result.data()).get("title"));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(table.items).hasSize(40);
    }
}
