package io.amplify4j.samples.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.sandbox.server.Sandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the demo shop on the local sandbox and talks to it over HTTP exactly as a client of AppSync would: an admin
 * stocks the catalogue, anyone with the API key reads it, two customers order and each sees only their own orders.
 */
final class ShopScenario {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sandbox sandbox;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    private ShopScenario(Sandbox sandbox, PrintStream out) {
        this.sandbox = sandbox;
        this.out = out;
    }

    static void run(BackendPlan plan, PrintStream out) throws IOException, InterruptedException {
        try (Sandbox sandbox = Sandbox.builder(plan)
                .user("admin", "Admin-Passw0rd!", "ADMINS")
                .user("ana", "Ana-Passw0rd!")
                .user("ben", "Ben-Passw0rd!")
                .start()) {
            out.println("      sandbox at " + sandbox.graphqlEndpoint() + " (127.0.0.1, no AWS account)");
            new ShopScenario(sandbox, out).walk();
        }
    }

    private void walk() throws IOException, InterruptedException {
        String admin = sandbox.idToken("admin");
        String ana = sandbox.idToken("ana");
        String ben = sandbox.idToken("ben");
        String apiKey = sandbox.apiKey().orElseThrow();

        JsonNode category = call("Authorization", admin,
                "mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id name } }",
                Map.of("input", Map.of("name", "Coffee"))).path("createCategory");
        String categoryId = category.path("id").asText();
        for (String[] product : new String[][] {{"BEAN-1", "Espresso beans", "12.5"}, {"MUG-2", "Mug", "8"}}) {
            call("Authorization", admin,
                    "mutation($input: CreateProductInput!) { createProduct(input: $input) { sku } }",
                    Map.of("input", Map.of("sku", product[0], "name", product[1],
                            "price", Double.parseDouble(product[2]), "categoryId", categoryId)));
        }
        out.println("  admin stocked category `Coffee` with 2 products");

        JsonNode catalogue = call("x-api-key", apiKey, "{ listProducts { items { sku name price stock } } }", Map.of())
                .path("listProducts").path("items");
        out.println("  anyone with the API key reads " + catalogue.size() + " products: " + catalogue);

        JsonNode refused = request("x-api-key", apiKey,
                "mutation($input: CreateProductInput!) { createProduct(input: $input) { sku } }",
                Map.of("input", Map.of("sku", "X-1", "name", "x", "price", 1.0, "categoryId", categoryId)));
        out.println("  the API key cannot write: " + refused.path("errors").path(0).path("errorType").asText());

        for (String[] customer : new String[][] {{"ana", ana}, {"ben", ben}}) {
            call("Authorization", customer[1],
                    "mutation($input: CreateOrderInput!) { createOrder(input: $input) { customerId status } }",
                    Map.of("input", Map.of("customerId", customer[0], "total", 20.5)));
        }
        JsonNode anasOrders = call("Authorization", ana, "{ listOrders { items { customerId status owner } } }",
                Map.of()).path("listOrders").path("items");
        out.println("  ana and ben each ordered; ana sees " + anasOrders.size() + " order(s): " + anasOrders);
        JsonNode allOrders = call("Authorization", admin, "{ listOrders { items { customerId } } }", Map.of())
                .path("listOrders").path("items");
        out.println("  the admin sees all " + allOrders.size() + " orders");
    }

    private JsonNode call(String header, String value, String query, Map<String, Object> variables)
            throws IOException, InterruptedException {
        JsonNode response = request(header, value, query, variables);
        if (response.has("errors") && !response.path("errors").isEmpty()) {
            throw new IllegalStateException("The sandbox answered with errors: " + response.path("errors"));
        }
        return response.path("data");
    }

    private JsonNode request(String header, String value, String query, Map<String, Object> variables)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.graphqlEndpoint().toString()))
                .header("content-type", "application/json")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
