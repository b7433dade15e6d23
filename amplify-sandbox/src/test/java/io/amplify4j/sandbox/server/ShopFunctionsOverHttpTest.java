package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.shop.AppSyncEvent;
import com.example.shop.PartnerAuthorizer;
import com.example.shop.RecommendHandler;
import com.example.shop.RestockHandler;
import io.amplify4j.fixtures.ShopBackend;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shop's functions in the sandbox, over HTTP: the function-backed {@code recommendProducts} gets AppSync's
 * Lambda event and its answer flows back; the custom JS handler {@code adjustStock.js} is read from the project
 * directory; the partner Lambda authorizer admits, denies fields and is re-asked only after its TTL; the nightly
 * {@code restock} schedule and any function run on demand through the admin API; the {@code thumbnails} storage
 * trigger (a Node.js function, given a local Java stand-in) gets an S3 event notification.
 */
class ShopFunctionsOverHttpTest {
    static final String PASSWORD = "correct-horse-battery";
    static final SandboxLifecycleTest.MovableClock CLOCK = new SandboxLifecycleTest.MovableClock();
    static final BlockingQueue<Map<String, Object>> THUMBNAILS = new LinkedBlockingQueue<>();
    static final List<String> LOG = new java.util.concurrent.CopyOnWriteArrayList<>();
    static Sandbox sandbox;

    /** The thumbnails function's stand-in: the sandbox cannot run its Node.js code. */
    static final class Thumbnails implements RequestHandler<Map<String, Object>, Void> {
        @Override
        public Void handleRequest(Map<String, Object> event, Context context) {
            THUMBNAILS.add(event);
            return null;
        }
    }

    static Path shopProject() {
        try {
            return Path.of(ShopFunctionsOverHttpTest.class.getResource("/shop-project").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new ShopBackend())
                .projectDirectory(shopProject())
                .functionHandler("thumbnails", new Thumbnails())
                .clock(CLOCK)
                .banner(null)
                .requestLog(LOG::add)
                .user("admin", PASSWORD, "ADMINS")
                .user("alice", PASSWORD)
                .start();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static Http.Response graphql(Map<String, String> headers, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("content-type", "application/json");
        return Http.post(sandbox.graphqlEndpoint(), all, Ws.json(body));
    }

    static Http.Response admin(String action, String body) {
        return Http.post(sandbox.baseUri().resolve("/__sandbox/" + action), Map.of("content-type", "application/json"),
                body);
    }

    static final String RECOMMEND = "query Recommend($sku: String!, $limit: Int) {"
            + " recommendProducts(sku: $sku, limit: $limit) { sku score } }";

    @Test
    @SuppressWarnings("unchecked")
    void aCustomQueryGetsAppSyncsLambdaEventAndItsAnswerFlowsBack() throws InterruptedException {
        RecommendHandler.EVENTS.clear();
        RecommendHandler.CONTEXTS.clear();
        Http.Response response = graphql(Map.of("Authorization", sandbox.idToken("alice"), "x-trace-id", "t-42"),
                RECOMMEND, Map.of("sku", "CHAI-1", "limit", 2));
        assertThat(response.errors()).isEmpty();
        assertThat(response.data("recommendProducts")).isEqualTo(List.of(
                Map.of("sku", "EARL-1", "score", 0.9), Map.of("sku", "CHUN-1", "score", 0.8)));

        AppSyncEvent event = RecommendHandler.EVENTS.poll(10, TimeUnit.SECONDS);
        assertThat(event.getTypeName()).isEqualTo("Query");
        assertThat(event.getFieldName()).isEqualTo("recommendProducts");
        assertThat(event.getArguments()).isEqualTo(Map.of("sku", "CHAI-1", "limit", 2));
        assertThat(event.getSource()).isNull();
        String sub = sandbox.userPool().orElseThrow().user("alice").orElseThrow().sub();
        assertThat(event.getIdentity()).containsEntry("sub", sub).containsEntry("username", "alice")
                .containsEntry("issuer", sandbox.userPool().orElseThrow().issuer())
                .containsKeys("claims", "sourceIp", "defaultAuthStrategy", "groups");
        assertThat((Map<String, Object>) event.getIdentity().get("claims")).containsEntry("cognito:username", "alice");
        assertThat((Map<String, Object>) event.getRequest().get("headers")).containsEntry("x-trace-id", "t-42")
                .containsKey("authorization");
        assertThat(event.getPrev()).isInstanceOf(Map.class);
        assertThat(RecommendHandler.CONTEXTS.poll(10, TimeUnit.SECONDS)).startsWith(
                "recommend arn:aws:lambda:us-east-1:123456789012:function:recommend 1024 true true");
        assertThat(LOG).anyMatch(line -> line.contains("recommend for CHAI-1"));
    }

    @Test
    void anApiKeyCallerHasANullIdentityAndTheHandlerInstanceIsReused() throws InterruptedException {
        RecommendHandler.EVENTS.clear();
        RecommendHandler.CONTEXTS.clear();
        for (int i = 0; i < 2; i++) {
            Http.Response response = graphql(Map.of("x-api-key", sandbox.apiKey().orElseThrow()), RECOMMEND,
                    Map.of("sku", "MATE-1"));
            assertThat(response.errors()).isEmpty();
            assertThat((List<?>) response.data("recommendProducts")).hasSize(5);
            assertThat(RecommendHandler.EVENTS.poll(10, TimeUnit.SECONDS).getIdentity()).isNull();
        }
        assertThat(sandbox.functions().runtime().coldStarts("recommend")).isGreaterThanOrEqualTo(1);
        String first = RecommendHandler.CONTEXTS.poll(10, TimeUnit.SECONDS);
        String second = RecommendHandler.CONTEXTS.poll(10, TimeUnit.SECONDS);
        int n = Integer.parseInt(first.substring(first.indexOf("instance-invocation=") + 20));
        assertThat(second).endsWith("instance-invocation=" + (n + 1));
    }

    @Test
    void theBannerSaysHowToInvokeFunctionsAndRunSchedules() {
        assertThat(sandbox.banner()).contains("  Functions:        recommend, restock, partnerAuthorizer, thumbnails\n",
                "/__sandbox/functions/<name>/invoke", "/__sandbox/schedules/restock/run");
    }

    @Test
    void concurrentCallsGetTheirOwnAnswers() throws Exception {
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Http.Response>> calls = new java.util.ArrayList<>();
            for (int i = 1; i <= 32; i++) {
                int limit = 1 + i % 5;
                calls.add(clients.submit(() -> graphql(Map.of("x-api-key", sandbox.apiKey().orElseThrow()),
                        RECOMMEND, Map.of("sku", "CHAI-1", "limit", limit))));
            }
            for (int i = 1; i <= 32; i++) {
                Http.Response response = calls.get(i - 1).get(30, TimeUnit.SECONDS);
                assertThat(response.errors()).isEmpty();
                assertThat((List<?>) response.data("recommendProducts")).hasSize(1 + i % 5);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theCustomJsHandlerIsReadFromTheProjectDirectory() {
        String admin = sandbox.idToken("admin");
        assertThat(graphql(Map.of("Authorization", admin),
                "mutation { createCategory(input: {id: \"tea\", name: \"Tea\"}) { id } }", null).errors()).isEmpty();
        assertThat(graphql(Map.of("Authorization", admin), "mutation { createProduct(input: {sku: \"POT-1\","
                + " name: \"Pot\", price: 20, categoryId: \"tea\"}) { sku stock } }", null).errors()).isEmpty();
        String adjust = "mutation Adjust($sku: String!, $delta: Int!) { adjustStock(sku: $sku, delta: $delta) {"
                + " sku stock } }";
        Http.Response added = graphql(Map.of("Authorization", admin), adjust, Map.of("sku", "POT-1", "delta", 5));
        assertThat(added.errors()).isEmpty();
        assertThat(added.dataMap("adjustStock")).containsEntry("stock", 5L);
        Http.Response tooMany = graphql(Map.of("Authorization", admin), adjust, Map.of("sku", "POT-1", "delta", -6));
        assertThat(tooMany.errorTypes()).containsExactly("DynamoDB:ConditionalCheckFailedException");
        Http.Response customer = graphql(Map.of("Authorization", sandbox.idToken("alice")), adjust,
                Map.of("sku", "POT-1", "delta", 1));
        assertThat(customer.errorTypes()).containsExactly("Unauthorized");
    }

    static final String TICKETS = "query Tickets { listSupportTickets { items { id subject } } }";

    @Test
    @SuppressWarnings("unchecked")
    void thePartnerAuthorizerGetsAppSyncsContractAndItsAllowReachesTheResolvers() throws InterruptedException {
        PartnerAuthorizer.EVENTS.clear();
        // A token no other test uses: the authorizer's answers are cached by token.
        Http.Response response = Http.post(sandbox.graphqlEndpoint(), Map.of("content-type", "application/json",
                "Authorization", "partner-zed", "x-partner", "zed"),
                Ws.json(Map.of("query", TICKETS, "operationName", "Tickets", "variables", Map.of())));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.errors()).isEmpty();
        Map<String, Object> event = PartnerAuthorizer.EVENTS.poll(10, TimeUnit.SECONDS);
        assertThat(event).containsEntry("authorizationToken", "partner-zed");
        Map<String, Object> context = (Map<String, Object>) event.get("requestContext");
        assertThat(context).containsEntry("apiId", "sandbox-shop").containsEntry("accountId", "123456789012")
                .containsEntry("queryString", TICKETS).containsEntry("operationName", "Tickets")
                .containsEntry("variables", Map.of()).containsKey("requestId");
        assertThat((Map<String, Object>) event.get("requestHeaders")).containsEntry("x-partner", "zed");

        assertThat(graphql(Map.of("Authorization", "stranger"), TICKETS, null).status()).isEqualTo(401);
    }

    @Test
    void deniedFieldsAreNullForThatCaller() {
        String query = "query { getSupportTicket(id: \"t-1\") { id } listSupportTickets { items { id } } }";
        Http.Response readOnly = graphql(Map.of("Authorization", "partner-acme-readonly"), query, null);
        assertThat(readOnly.status()).isEqualTo(200);
        assertThat(readOnly.data("getSupportTicket")).isNull();
        assertThat(readOnly.errors()).hasSize(1);
        assertThat(readOnly.errors().get(0)).containsEntry("errorType", "Unauthorized")
                .containsEntry("path", List.of("getSupportTicket"));
        assertThat(readOnly.dataMap("listSupportTickets")).containsEntry("items", List.of());
        Http.Response full = graphql(Map.of("Authorization", "partner-acme"), query, null);
        assertThat(full.errors()).isEmpty();
    }

    @Test
    void aRevokedPartnerKeepsItsCachedAllowUntilTheTtlPasses() {
        PartnerAuthorizer.EVENTS.clear();
        assertThat(graphql(Map.of("Authorization", "partner-bob"), TICKETS, null).status()).isEqualTo(200);
        PartnerAuthorizer.REVOKED.add("bob");
        assertThat(graphql(Map.of("Authorization", "partner-bob"), TICKETS, null).status()).isEqualTo(200);
        assertThat(PartnerAuthorizer.EVENTS).hasSize(1);
        CLOCK.advance(Duration.ofSeconds(301));
        Http.Response revoked = graphql(Map.of("Authorization", "partner-bob"), TICKETS, null);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.errorTypes()).containsExactly("UnauthorizedException");
        assertThat(PartnerAuthorizer.EVENTS).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAdminApiRunsASchedulesEventNow() throws InterruptedException {
        RestockHandler.EVENTS.clear();
        Http.Response run = admin("schedules/restock/run", "{}");
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        assertThat(run.body()).containsEntry("schedule", "cron(0 3 * * ? *) Europe/Berlin")
                .containsEntry("payload", Map.of("restocked", true, "function", "restock"));
        Map<String, Object> event = (Map<String, Object>) run.body().get("event");
        assertThat(event).containsEntry("detail-type", "Scheduled Event").containsEntry("source", "aws.scheduler")
                .containsEntry("resources",
                        List.of("arn:aws:scheduler:us-east-1:123456789012:schedule/default/restock-schedule-0"))
                .containsEntry("detail", Map.of()).containsKeys("id", "time", "account", "region", "version");
        String received = RestockHandler.EVENTS.poll(10, TimeUnit.SECONDS);
        assertThat(FunctionFaultsOverHttpTest.parse(received)).isEqualTo(event);

        assertThat(admin("schedules/recommend/run", "{}").status()).isEqualTo(404);
        assertThat(admin("schedules/restock/run", "{\"schedule\": 3}").status()).isEqualTo(400);
    }

    @Test
    void theAdminApiInvokesAnyFunction() {
        Http.Response invoked = admin("functions/recommend/invoke",
                "{\"typeName\":\"Query\",\"fieldName\":\"recommendProducts\",\"arguments\":{\"sku\":\"CHAI-1\","
                        + "\"limit\":1}}");
        assertThat(invoked.status()).isEqualTo(200);
        assertThat(invoked.body()).containsEntry("payload", List.of(Map.of("sku", "EARL-1", "score", 0.9)));
        Http.Response failed = admin("functions/recommend/invoke", "{}");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.body()).containsEntry("functionError", "Unhandled");
        assertThat(admin("functions/nothing/invoke", "{}").status()).isEqualTo(404);
        assertThat(admin("functions/recommend/explode", "{}").status()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anS3UploadThroughTheSdkRunsTheOnUploadTrigger() throws InterruptedException {
        THUMBNAILS.clear();
        io.amplify4j.sandbox.iam.TemporaryCredentials credentials = sandbox.functionCredentials("thumbnails");
        try (software.amazon.awssdk.services.s3.S3Client s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(sandbox.baseUri())
                .forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.of(sandbox.region()))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                                credentials.accessKeyId(), credentials.secretAccessKey(),
                                credentials.sessionToken())))
                .build()) {
            s3.putObject(r -> r.bucket(sandbox.bucketName("media")).key("products/green tea.png"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("png bytes"));
        }
        Map<String, Object> event = THUMBNAILS.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        Map<String, Object> record = ((List<Map<String, Object>>) event.get("Records")).get(0);
        assertThat(record).containsEntry("eventName", "ObjectCreated:Put");
        assertThat(String.valueOf(record.get("userIdentity"))).contains("thumbnails");
        Map<String, Object> s3 = (Map<String, Object>) record.get("s3");
        assertThat((Map<String, Object>) s3.get("bucket")).containsEntry("name", sandbox.bucketName("media"));
        assertThat((Map<String, Object>) s3.get("object")).containsEntry("key", "products/green+tea.png")
                .containsEntry("size", 9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUploadRunsTheBucketsOnUploadTriggerWithAnS3Event() throws InterruptedException {
        THUMBNAILS.clear();
        assertThat(sandbox.functions().storageTriggers().objectCreated("media", "shop-media-bucket",
                "products/tea pot.png", 1234, "\"9b2cf535f27731c974343645a3985328\"")).isPresent();
        Map<String, Object> event = THUMBNAILS.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        Map<String, Object> record = ((List<Map<String, Object>>) event.get("Records")).get(0);
        assertThat(record).containsEntry("eventSource", "aws:s3").containsEntry("eventName", "ObjectCreated:Put")
                .containsEntry("eventVersion", "2.1").containsEntry("awsRegion", "us-east-1");
        Map<String, Object> s3 = (Map<String, Object>) record.get("s3");
        assertThat((Map<String, Object>) s3.get("bucket")).containsEntry("name", "shop-media-bucket")
                .containsEntry("arn", "arn:aws:s3:::shop-media-bucket");
        assertThat((Map<String, Object>) s3.get("object")).containsEntry("key", "products/tea+pot.png")
                .containsEntry("size", 1234).containsEntry("eTag", "9b2cf535f27731c974343645a3985328");
        assertThat(sandbox.functions().storageTriggers().objectRemoved("media", "shop-media-bucket",
                "products/tea pot.png")).isEmpty();
    }
}
