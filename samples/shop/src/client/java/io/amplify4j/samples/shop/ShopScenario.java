package io.amplify4j.samples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.client.AuthMode;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.GraphQLResponseException;
import io.amplify4j.client.GraphQLSubscription;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.client.auth.SandboxSignIn;
import io.amplify4j.client.auth.SignedInUser;
import io.amplify4j.client.auth.Tokens;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.samples.shop.client.Category;
import io.amplify4j.samples.shop.client.CreateCategoryInput;
import io.amplify4j.samples.shop.client.CreateOrderInput;
import io.amplify4j.samples.shop.client.CreateOrderItemInput;
import io.amplify4j.samples.shop.client.CreateProductInput;
import io.amplify4j.samples.shop.client.Order;
import io.amplify4j.samples.shop.client.OrderItem;
import io.amplify4j.samples.shop.client.Product;
import io.amplify4j.samples.shop.client.ShopApi;
import io.amplify4j.samples.shop.client.UpdateProductInput;
import io.amplify4j.sandbox.server.Sandbox;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The scripted scenario, through the generated client ({@link ShopApi}) against the local sandbox: an admin stocks
 * the catalogue and uploads a product image to the media bucket (AWS SDK, identity-pool credentials); two customers
 * sign in, order, and each sees only their own orders; a customer watches inventory change live; the Java function
 * behind {@code recommendProducts} recommends; the restock schedule runs on demand.
 */
final class ShopScenario {
    static final String PASSWORD = "Shop-Passw0rd!";
    private static final Duration EVENT_WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the scenario saw, for the report and for tests. */
    record Outcome(int categories, List<String> catalogue, String imageKey, int imageBytes, boolean guestReadImage,
            boolean customerUploadDenied, Map<String, List<String>> ordersSeen, Map<String, Integer> itemsSeen,
            boolean otherOrderHidden, List<String> liveUpdates, List<String> recommended, List<String> restocked,
            Map<String, Integer> stockAfterRestock) {

        void printReport(PrintStream out) {
            out.println("Report");
            out.printf("  catalogue      %d categories, %d products: %s%n", categories, catalogue.size(),
                    String.join(", ", catalogue));
            out.printf("  storage        admin uploaded %s (%d bytes); guests read it: %s; a customer writing"
                    + " there is denied: %s%n", imageKey, imageBytes, yes(guestReadImage), yes(customerUploadDenied));
            ordersSeen.forEach((customer, orders) -> out.printf("  orders         %s sees %d order(s) with %d item(s)"
                    + " of their own: %s%n", customer, orders.size(), itemsSeen.get(customer), orders));
            out.printf("  isolation      a customer reading the other's order gets nothing: %s%n",
                    yes(otherOrderHidden));
            out.printf("  live updates   %d onInventoryChange event(s): %s%n", liveUpdates.size(),
                    String.join(", ", liveUpdates));
            out.printf("  recommended    for BEAN-1 (Java function): %s%n", String.join(", ", recommended));
            out.printf("  restock        schedule run on demand raised %s; stock now %s%n",
                    String.join(", ", restocked), stockAfterRestock);
        }

        private static String yes(boolean value) {
            return value ? "yes" : "NO";
        }
    }

    private final Sandbox sandbox;
    private final PrintStream out;
    private final List<AutoCloseable> resources = new ArrayList<>();

    private ShopScenario(Sandbox sandbox, PrintStream out) {
        this.sandbox = sandbox;
        this.out = out;
    }

    static Outcome run(BackendPlan plan, Path project, PrintStream out) throws Exception {
        long started = System.nanoTime();
        try (Sandbox sandbox = Sandbox.builder(plan)
                .banner(null)
                .requestLog(line -> { })
                .projectDirectory(project)
                .secret("shop/supplier-api-key", "sandbox-supplier-key")
                .user("admin", PASSWORD, "ADMINS")
                .user("ana", PASSWORD)
                .user("ben", PASSWORD)
                .start()) {
            out.printf("      sandbox at %s, 127.0.0.1 only (%d ms)%n", sandbox.graphqlEndpoint(),
                    (System.nanoTime() - started) / 1_000_000);
            ShopScenario scenario = new ShopScenario(sandbox, out);
            try {
                return scenario.walk();
            } finally {
                scenario.closeAll();
            }
        }
    }

    private Outcome walk() throws Exception {
        // --- the admin stocks the shop
        SignedIn admin = signIn("admin");
        Category coffee = admin.api.categories().create(CreateCategoryInput.builder().name("Coffee").build());
        Category tea = admin.api.categories().create(CreateCategoryInput.builder().name("Tea").build());
        Object[][] products = {
            {"BEAN-1", "Espresso beans", 12.5, 12, coffee}, {"BEAN-2", "Filter beans", 9.9, 3, coffee},
            {"BEAN-3", "Decaf beans", 11.0, 7, coffee}, {"GRIND-1", "Hand grinder", 39.0, 1, coffee},
            {"CHAI-1", "Masala chai", 6.5, 20, tea}, {"EARL-1", "Earl Grey", 5.0, 2, tea},
        };
        for (Object[] p : products) {
            admin.api.products().create(CreateProductInput.builder().sku((String) p[0]).name((String) p[1])
                    .price((Double) p[2]).categoryId(((Category) p[4]).id()).stock((Integer) p[3]).build());
        }
        List<String> catalogue = admin.api.withAuthMode(AuthMode.API_KEY).products().listAll().stream()
                .map(p -> p.sku() + "(" + p.stock() + ")").sorted().toList();
        step("admin (ADMINS) created 2 categories and %d products; anyone with the API key reads them",
                catalogue.size());

        // --- the admin uploads a product image through the identity pool and S3
        String imageKey = "products/BEAN-1.png";
        byte[] image = tinyPng();
        try (S3Client s3 = s3(identityCredentials(admin.tokens.idToken()))) {
            s3.putObject(r -> r.bucket(bucket()).key(imageKey).contentType("image/png"), RequestBody.fromBytes(image));
        }
        admin.api.products().update(UpdateProductInput.builder("BEAN-1").imageKey(imageKey).build());
        int guestBytes;
        try (S3Client guest = s3(identityCredentials(null))) {
            guestBytes = guest.getObjectAsBytes(r -> r.bucket(bucket()).key(imageKey)).asByteArray().length;
        }
        step("admin uploaded %s to bucket %s (AWS SDK S3Client, identity-pool credentials); a guest read it back",
                imageKey, bucket());

        // --- two customers sign in and order
        SignedIn ana = signIn("ana");
        SignedIn ben = signIn("ben");
        boolean customerUploadDenied;
        try (S3Client s3 = s3(identityCredentials(ana.tokens.idToken()))) {
            s3.putObject(r -> r.bucket(bucket()).key("products/fake.png"), RequestBody.fromBytes(image));
            customerUploadDenied = false;
        } catch (S3Exception e) {
            customerUploadDenied = e.statusCode() == 403;
        }
        Order anasOrder = order(ana, 12.5 * 2 + 39.0, Map.of("BEAN-1", 2, "GRIND-1", 1));
        Order bensOrder = order(ben, 6.5, Map.of("CHAI-1", 1));
        step("ana and ben signed in (SandboxSignIn) and placed orders with items");
        Map<String, List<String>> ordersSeen = new LinkedHashMap<>();
        Map<String, Integer> itemsSeen = new LinkedHashMap<>();
        for (SignedIn customer : List.of(ana, ben)) {
            ordersSeen.put(customer.username, customer.api.orders().listAll().stream()
                    .map(o -> o.customerId() + " " + o.status() + " " + o.total()).toList());
            itemsSeen.put(customer.username, (int) customer.api.orderItems().listAll().stream().count());
        }
        boolean otherOrderHidden = hidden(() -> ana.api.orders().get(bensOrder.customerId(), bensOrder.createdAt()))
                && hidden(() -> ben.api.orders().get(anasOrder.customerId(), anasOrder.createdAt()));
        step("each customer lists only their own orders: ana %s, ben %s; the other's order is out of reach",
                ordersSeen.get("ana").size(), ordersSeen.get("ben").size());

        // --- live inventory: ana watches while the admin changes stock
        BlockingQueue<Product> events = new LinkedBlockingQueue<>();
        BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
        GraphQLSubscription<Product> subscription = ana.api.subscriptions().onInventoryChange();
        resources.add(subscription);
        subscription.subscribe(events::add, errors::add).established().get(EVENT_WAIT.toSeconds(), TimeUnit.SECONDS);
        List<String> liveUpdates = new ArrayList<>();
        admin.api.products().update(UpdateProductInput.builder("BEAN-1").stock(10).build());
        liveUpdates.add(describe(next(events, errors)));
        admin.api.products().update(UpdateProductInput.builder("CHAI-1").stock(19).build());
        liveUpdates.add(describe(next(events, errors)));
        step("ana received the admin's stock changes live (onInventoryChange): %s", liveUpdates);

        // --- recommendations from the Java function
        List<String> recommended = ana.api.queries().recommendProducts("BEAN-1").stream()
                .map(p -> p.sku() + "(" + p.stock() + ")").toList();
        step("recommendProducts(BEAN-1) ran the Java function RecommendHandler: %s", recommended);

        // --- the restock schedule, on demand through the sandbox's admin API
        JsonNode run = runSchedule("restock");
        if (run.has("functionError")) {
            throw new IllegalStateException("The restock function failed: " + run.path("payload"));
        }
        List<String> restocked = new ArrayList<>();
        run.path("payload").path("restocked").forEach(sku -> restocked.add(sku.asText()));
        for (int i = 0; i < restocked.size(); i++) {
            liveUpdates.add(describe(next(events, errors)));
        }
        Map<String, Integer> stockAfter = new LinkedHashMap<>();
        ana.api.withAuthMode(AuthMode.API_KEY).products().listAll().stream()
                .sorted(java.util.Comparator.comparing(Product::sku))
                .forEach(p -> stockAfter.put(p.sku(), p.stock()));
        step("POST /__sandbox/schedules/restock/run: RestockHandler raised %s; ana saw those updates live too",
                restocked);

        return new Outcome(2, catalogue, imageKey, image.length, guestBytes == image.length, customerUploadDenied,
                ordersSeen, itemsSeen, otherOrderHidden, List.copyOf(liveUpdates), recommended,
                List.copyOf(restocked), stockAfter);
    }

    private void step(String format, Object... args) {
        out.println("      - " + String.format(format, args));
    }

    /** A user signed in through the sandbox's sign-in endpoint, with a client for the generated API. */
    private record SignedIn(String username, Tokens tokens, ShopApi api) {}

    private SignedIn signIn(String username) {
        SandboxSignIn signIn = SandboxSignIn.at(sandbox.graphqlEndpoint());
        Tokens tokens = signIn.signIn(username, PASSWORD);
        GraphQLClient graphql = GraphQLClient.builder()
                .endpoint(sandbox.graphqlEndpoint())
                .auth(AuthProviders.userPool(SignedInUser.of(() -> signIn.signIn(username, PASSWORD))))
                .auth(AuthMode.API_KEY, AuthProviders.apiKey(sandbox.apiKey().orElseThrow()))
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        resources.add(graphql);
        return new SignedIn(username, tokens, new ShopApi(graphql));
    }

    private static Order order(SignedIn customer, double total, Map<String, Integer> items) {
        Order order = customer.api.orders().create(CreateOrderInput.builder().customerId(customer.username)
                .total(total).build());
        items.forEach((sku, quantity) -> customer.api.orderItems().create(CreateOrderItemInput.builder()
                .orderCustomerId(order.customerId()).orderCreatedAt(order.createdAt()).productSku(sku)
                .quantity(quantity).build()));
        return order;
    }

    /** True when reading another customer's order yields nothing or is refused. */
    private static boolean hidden(java.util.function.Supplier<java.util.Optional<Order>> read) {
        try {
            return read.get().isEmpty();
        } catch (GraphQLResponseException refused) {
            return true;
        }
    }

    private static Product next(BlockingQueue<Product> events, BlockingQueue<Throwable> errors)
            throws InterruptedException {
        Product event = events.poll(EVENT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new IllegalStateException("No onInventoryChange event within " + EVENT_WAIT.toSeconds()
                    + " s; subscription errors: " + errors);
        }
        return event;
    }

    private static String describe(Product product) {
        return product.sku() + "->" + product.stock();
    }

    private String bucket() {
        return sandbox.bucketName("media");
    }

    /** Identity-pool credentials, as an app gets them: a signed-in user's with their ID token, a guest's without. */
    private AwsSessionCredentials identityCredentials(String idToken) {
        try (CognitoIdentityClient cognito = CognitoIdentityClient.builder()
                .endpointOverride(sandbox.baseUri())
                .region(Region.of(sandbox.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .build()) {
            String poolId = sandbox.identityPool().orElseThrow().poolId();
            Map<String, String> logins = idToken == null ? Map.of()
                    : Map.of(sandbox.identityPool().orElseThrow().userPoolProviderName().orElseThrow(), idToken);
            String identityId = cognito.getId(r -> r.identityPoolId(poolId).logins(logins)).identityId();
            Credentials credentials = cognito.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins))
                    .credentials();
            return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretKey(),
                    credentials.sessionToken());
        }
    }

    private S3Client s3(AwsSessionCredentials credentials) {
        return S3Client.builder()
                .endpointOverride(sandbox.baseUri())
                .forcePathStyle(true)
                .region(Region.of(sandbox.region()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .build();
    }

    /** Runs a function's schedule now through the sandbox's admin API, as {@code curl} would. */
    private JsonNode runSchedule(String function) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(sandbox.baseUri() + "/__sandbox/schedules/" + function + "/run"))
                    .header("content-type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /__sandbox/schedules/" + function + "/run answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } finally {
            if (http instanceof AutoCloseable closeable) { // JDK 21+: stop its selector thread now
                closeable.close();
            }
        }
    }

    /** A 1×1 PNG. */
    private static byte[] tinyPng() {
        return java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                + "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }

    private void closeAll() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                out.println("      (closing " + resources.get(i) + " failed: " + e.getMessage() + ")");
            }
        }
    }
}
