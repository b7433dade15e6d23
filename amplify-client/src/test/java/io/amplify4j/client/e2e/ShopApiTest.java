package io.amplify4j.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.amplify4j.client.AuthMode;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.GraphQLRequest;
import io.amplify4j.client.Page;
import io.amplify4j.client.Pages;
import io.amplify4j.client.UnauthorizedException;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.client.filter.FloatField;
import io.amplify4j.client.filter.KeyCondition;
import io.amplify4j.client.filter.ModelFilter;
import io.amplify4j.client.filter.SortDirection;
import io.amplify4j.client.filter.SortKeyField;
import io.amplify4j.client.filter.StringSortKeyField;
import io.amplify4j.client.json.AwsJson;
import io.amplify4j.sandbox.server.Sandbox;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against the sandbox serving the Shop fixture's catalogue ({@link CatalogueBackend}): groups (only ADMINS write the catalogue), a custom
 * identifier, AWSJSON, and an index query with a key condition and a sort direction.
 */
class ShopApiTest {
    record Category(String id, String name) {}

    record Product(String sku, String name, double price, int stock, String categoryId, @AwsJson JsonNode attributes,
            List<String> tags) {
        static final FloatField<Product> PRICE = FloatField.of(Product.class, "price");
        static final StringSortKeyField<Product> NAME_KEY = SortKeyField.string(Product.class, "name");
    }

    /** As generated: AWSJSON goes over the wire as a JSON-encoded string. */
    record CreateProductInput(String sku, String name, double price, int stock, String categoryId,
            @AwsJson JsonNode attributes, List<String> tags) {}

    static final String PRODUCT_FIELDS = "sku name price stock categoryId attributes tags";
    static final String CREATE_CATEGORY = "mutation C($input: CreateCategoryInput!) { createCategory(input: $input) "
            + "{ id name } }";
    static final String CREATE_PRODUCT = "mutation P($input: CreateProductInput!) { createProduct(input: $input) { "
            + PRODUCT_FIELDS + " } }";
    static final String BY_CATEGORY = "query ByCategory($categoryId: ID!, $name: ModelStringKeyConditionInput, "
            + "$sortDirection: ModelSortDirection, $filter: ModelProductFilterInput, $limit: Int, $nextToken: String) "
            + "{ listProductsByCategory(categoryId: $categoryId, name: $name, sortDirection: $sortDirection, "
            + "filter: $filter, limit: $limit, nextToken: $nextToken) { items { " + PRODUCT_FIELDS
            + " } nextToken } }";

    private static Sandbox sandbox;
    private static GraphQLClient admin;
    private static GraphQLClient customer;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new CatalogueBackend()).banner(null).requestLog(line -> { })
                .user("admin", "Admin-Passw0rd!", "ADMINS").user("ana", "Ana-Passw0rd!").start();
        admin = client(sandbox.idToken("admin"));
        customer = client(sandbox.idToken("ana"));
    }

    private static GraphQLClient client(String idToken) {
        return GraphQLClient.builder().endpoint(sandbox.graphqlEndpoint())
                .auth(AuthProviders.userPool(idToken))
                .auth(AuthMode.API_KEY, AuthProviders.apiKey(sandbox.apiKey().orElseThrow()))
                .build();
    }

    @AfterAll
    static void stop() {
        admin.close();
        customer.close();
        sandbox.close();
    }

    private static Product product(String categoryId, String sku, String name, double price) {
        CreateProductInput input = new CreateProductInput(sku, name, price, 3, categoryId,
                JsonNodeFactory.instance.objectNode().put("colour", "red"), List.of("new"));
        return admin.execute(GraphQLRequest.builder(Product.class).document(CREATE_PRODUCT).variable("input", input)
                .responseField("createProduct").build());
    }

    private static GraphQLRequest<Page<Product>> byCategory(String categoryId, KeyCondition<Product> name,
            SortDirection direction, ModelFilter<Product> filter, int limit, Optional<String> nextToken) {
        return GraphQLRequest.builder(new TypeReference<Page<Product>>() {}).document(BY_CATEGORY)
                .responseField("listProductsByCategory").authMode(AuthMode.API_KEY)
                .variable("categoryId", categoryId).variable(name.field(), name).variable("sortDirection", direction)
                .variable("filter", filter).variable("limit", limit).variable("nextToken", nextToken.orElse(null))
                .build();
    }

    @Test
    void adminsWriteTheCatalogueAndIndexQueriesHonourKeyConditionAndOrder() {
        Category tea = admin.execute(GraphQLRequest.builder(Category.class).document(CREATE_CATEGORY)
                .variable("input", Map.of("name", "Tea")).responseField("createCategory").build());
        Product green = product(tea.id(), "TEA-1", "Green tea", 4.5);
        assertThat(green.attributes().get("colour").asText()).isEqualTo("red");
        assertThat(green.tags()).containsExactly("new");
        product(tea.id(), "TEA-2", "Black tea", 3.0);
        product(tea.id(), "TEA-3", "Genmaicha", 6.0);
        product(tea.id(), "TEA-4", "Oolong", 7.0);

        List<String> gDescending = Pages.iterate(token -> customer.execute(byCategory(tea.id(),
                Product.NAME_KEY.beginsWith("G"), SortDirection.DESC, null, 1, token)))
                .stream().map(Product::name).toList();
        assertThat(gDescending).containsExactly("Green tea", "Genmaicha");

        List<String> cheapAscending = Pages.iterate(token -> customer.execute(byCategory(tea.id(),
                Product.NAME_KEY.between("A", "Z"), SortDirection.ASC, Product.PRICE.lt(6), 2, token)))
                .stream().map(Product::name).toList();
        assertThat(cheapAscending).containsExactly("Black tea", "Green tea");
    }

    @Test
    void customersAreNotAdmins() {
        assertThatThrownBy(() -> customer.execute(GraphQLRequest.builder(Category.class).document(CREATE_CATEGORY)
                .variable("input", Map.of("name", "Coffee")).responseField("createCategory").build()))
                .isInstanceOf(UnauthorizedException.class);
    }
}
