package io.amplify4j.samples.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.client.AuthMode;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.UnauthorizedException;
import io.amplify4j.client.filter.SortDirection;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.samples.client.shop.Address;
import io.amplify4j.samples.client.shop.Category;
import io.amplify4j.samples.client.shop.CreateCategoryInput;
import io.amplify4j.samples.client.shop.CreateOrderInput;
import io.amplify4j.samples.client.shop.CreateProductInput;
import io.amplify4j.samples.client.shop.Order;
import io.amplify4j.samples.client.shop.OrderStatus;
import io.amplify4j.samples.client.shop.Product;
import io.amplify4j.samples.client.shop.ShopApi;
import io.amplify4j.samples.client.shop.UpdateProductInput;
import io.amplify4j.sandbox.server.Sandbox;
import java.time.Instant;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.amplify4j.samples.client.shop.Recommendation;
import io.amplify4j.client.GraphQLSubscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client generated from the Shop fixture against the sandbox: group rules, index queries with key conditions
 * and sort direction, composite primary keys, custom types, enums and AWS scalars.
 */
class ShopClientTest {
    /** The custom mutation's JS handler, as the shop's developer would write it. */
    static final String ADJUST_STOCK = """
            import { util } from '@aws-appsync/utils';

            export function request(ctx) {
              return {
                operation: 'UpdateItem',
                key: util.dynamodb.toMapValues({ sku: ctx.args.sku }),
                update: {
                  expression: 'SET #stock = #stock + :delta',
                  expressionNames: { '#stock': 'stock' },
                  expressionValues: util.dynamodb.toMapValues({ ':delta': ctx.args.delta }),
                },
                condition: { expression: 'attribute_exists(#sku)', expressionNames: { '#sku': 'sku' } },
              };
            }

            export function response(ctx) {
              if (ctx.error) {
                util.error(ctx.error.message, ctx.error.type);
              }
              return ctx.result;
            }
            """;

    /** The Java function behind the custom query: recommends the arguments' sku's neighbours. */
    public static final class Recommend implements RequestHandler<Map<String, Object>, List<Map<String, Object>>> {
        @Override
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> handleRequest(Map<String, Object> event, Context context) {
            Map<String, Object> arguments = (Map<String, Object>) event.get("arguments");
            String sku = (String) arguments.get("sku");
            Number limit = (Number) arguments.get("limit");
            List<Map<String, Object>> all = List.of(Map.of("sku", sku + "-LIKE", "score", 0.9),
                    Map.of("sku", "EARL-1", "score", 0.5));
            return all.subList(0, limit == null ? all.size() : Math.min(limit.intValue(), all.size()));
        }
    }

    private static Sandbox sandbox;
    private static GraphQLClient adminClient;
    private static GraphQLClient aliceClient;
    private static ShopApi admin;
    private static ShopApi alice;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new ShopBackend()).banner(null).requestLog(line -> { })
                .functionHandler("recommend", new Recommend())
                .userModule("src/main/js/adjustStock.js", ADJUST_STOCK)
                .user("admin", Clients.PASSWORD, "ADMINS").user("alice", Clients.PASSWORD).start();
        adminClient = Clients.signedIn(sandbox, "admin");
        aliceClient = Clients.signedIn(sandbox, "alice");
        admin = new ShopApi(adminClient);
        alice = new ShopApi(aliceClient);
    }

    @AfterAll
    static void stop() {
        adminClient.close();
        aliceClient.close();
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.resetData();
    }

    private static Product product(Category category, String sku, String name, double price) {
        return admin.products().create(CreateProductInput.builder().sku(sku).name(name).price(price)
                .categoryId(category.id()).tags(List.of("tea")).build());
    }

    @Test
    void onlyTheAdminGroupStocksTheShelves() {
        Category tea = admin.categories().create(CreateCategoryInput.builder().name("Tea").build());
        assertThatThrownBy(() -> alice.categories().create(CreateCategoryInput.builder().name("Mine").build()))
                .isInstanceOf(UnauthorizedException.class);
        Product chai = product(tea, "CHAI-1", "Chai", 4.5);
        assertThat(chai.stock()).as("the definition's default").isZero();
        assertThatThrownBy(() -> alice.products().update(UpdateProductInput.builder("CHAI-1").stock(99).build()))
                .isInstanceOf(UnauthorizedException.class);
        assertThat(alice.products().get("CHAI-1")).contains(chai);
        assertThat(alice.withAuthMode(AuthMode.API_KEY).categories().listAll().stream().map(Category::name))
                .containsExactly("Tea");
    }

    @Test
    void indexQueriesTakeKeyConditionsAndSortDirection() {
        Category tea = admin.categories().create(CreateCategoryInput.builder().name("Tea").build());
        Category cups = admin.categories().create(CreateCategoryInput.builder().name("Cups").build());
        product(tea, "CHAI-1", "Chai", 4.5);
        product(tea, "CHAMO-1", "Chamomile", 3.0);
        product(tea, "EARL-1", "Earl Grey", 5.0);
        product(cups, "CUP-1", "Chunky cup", 9.0);

        List<String> descending = alice.products().listProductsByCategory(tea.id(), Product.NAME_KEY.beginsWith("Ch"),
                SortDirection.DESC, null, null, null).items().stream().map(Product::name).toList();
        assertThat(descending).containsExactly("Chamomile", "Chai");
        List<String> cheap = alice.products().listProductsByCategoryAll(tea.id(), null, SortDirection.ASC,
                Product.PRICE.lt(5.0)).stream().map(Product::name).toList();
        assertThat(cheap).containsExactly("Chai", "Chamomile");
    }

    @Test
    void ordersUseTheCompositeKeyCustomTypesAndEnums() {
        Instant placed = Instant.parse("2026-11-26T08:00:00Z");
        Order order = alice.orders().create(CreateOrderInput.builder().customerId("c-1").placedAt(placed)
                .total(12.5).shippingAddress(new Address("1 Tea Lane", "Leeds", "LS1", "GB")).build());
        assertThat(order.status()).as("the default").isEqualTo(OrderStatus.PENDING);
        assertThat(order.placedAt()).isEqualTo(placed);
        assertThat(order.shippingAddress().city()).isEqualTo("Leeds");

        assertThat(alice.orders().get("c-1", order.createdAt()).map(Order::total)).contains(12.5);
        List<Order> recent = alice.orders().listByKeyAll("c-1", Order.CREATED_AT_KEY.le(Instant.now().plusSeconds(60)),
                SortDirection.DESC, Order.STATUS.eq(OrderStatus.PENDING)).stream().toList();
        assertThat(recent).extracting(Order::customerId).containsExactly("c-1");
    }

    @Test
    void customOperationsRunTheirJavaFunctionAndJsHandler() throws Exception {
        List<Recommendation> recommended = alice.queries().recommendProducts("CHAI-1", 1);
        assertThat(recommended).containsExactly(new Recommendation("CHAI-1-LIKE", 0.9));
        assertThat(alice.queries().recommendProductsAsync("CHAI-1", null).get(20, TimeUnit.SECONDS)).hasSize(2);

        Category tea = admin.categories().create(CreateCategoryInput.builder().name("Tea").build());
        product(tea, "CHAI-1", "Chai", 4.5);
        Clients.Events<Product> changes = new Clients.Events<>();
        try (GraphQLSubscription<Product> subscription = alice.subscriptions().onInventoryChange()) {
            subscription.subscribe(changes::add, changes::error).established().get(20, TimeUnit.SECONDS);
            Product adjusted = admin.mutations().adjustStock("CHAI-1", 7, null);
            assertThat(adjusted.stock()).isEqualTo(7);
            assertThat(changes.next().stock()).isEqualTo(7);
        }
        assertThatThrownBy(() -> alice.mutations().adjustStock("CHAI-1", 1, null))
                .isInstanceOf(UnauthorizedException.class);
    }
}
