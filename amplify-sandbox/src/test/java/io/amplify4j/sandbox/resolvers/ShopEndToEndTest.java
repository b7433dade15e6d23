package io.amplify4j.sandbox.resolvers;

import static io.amplify4j.sandbox.resolvers.PlanRuntime.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.js.SubscriptionFilter;
import io.amplify4j.sandbox.resolvers.PlanRuntime.Callers;
import io.amplify4j.sandbox.runtime.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shop plan's generated resolvers, run by the GraalJS engine against the DynamoDB interpreter: static groups,
 * composite keys, index queries, relationships under the target's rules (R1/R2), version conflicts, field-level
 * rules, dynamic groups and multi-owner lists, granted functions (I1/I2), guests, OIDC, the Lambda authorizer and a
 * function-backed custom query.
 */
class ShopEndToEndTest {
    static final Caller ADMIN = Callers.user("sub-admin", "admin", "ADMINS");
    static final Caller SUPPORT = Callers.user("sub-support", "sam", "SUPPORT");
    static final Caller ALICE = Callers.user("sub-a", "alice");
    static final Caller BOB = Callers.user("sub-b", "bob");
    static final Caller BILLING = Callers.user("sub-c", "carol", "billing");
    static final Caller TEAM_T1 = Callers.user("sub-d", "dave", "t1");
    static final Caller KEY = Callers.apiKey();
    static final Caller GUEST = Callers.guest(PlanRuntime.IDENTITY_POOL);
    static final Caller RESTOCK = Callers.role("amplify-restock-role");

    /** The shop's custom mutation handler, as a user would write it. */
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

    PlanRuntime runtime;
    final List<Map<String, Object>> invocations = new ArrayList<>();

    @BeforeEach
    void start() {
        Function<Map<String, Object>, Object> recommend = request -> {
            invocations.add(request);
            return List.of(Map.of("sku", "CHAI-1", "score", 0.9));
        };
        runtime = new PlanRuntime(BackendPlan.of(new ShopBackend().define()).data().orElseThrow(),
                Map.of("recommend", recommend), Map.of("src/main/js/adjustStock.js", ADJUST_STOCK));
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(ResolverResult result) {
        assertThat(result.errors()).as("errors").isEmpty();
        return (Map<String, Object>) result.data();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(ResolverResult result) {
        return (List<Map<String, Object>>) data(result).get("items");
    }

    ResolverResult mutate(Caller caller, String field, Map<String, Object> input) {
        return runtime.call(caller, "Mutation", field, Map.of("input", input));
    }

    void catalog() {
        data(mutate(ADMIN, "createCategory", Map.of("id", "tea", "name", "Tea")));
        data(mutate(ADMIN, "createProduct", Map.of("sku", "CHAI-1", "name", "Chai", "price", 4.5, "categoryId", "tea")));
        data(mutate(ADMIN, "createProduct", Map.of("sku", "EARL-1", "name", "Earl Grey", "price", 5, "categoryId", "tea")));
        data(mutate(ADMIN, "createProduct", Map.of("sku", "CHUN-1", "name", "Chun Mee", "price", 6, "categoryId", "tea")));
    }

    @Test
    void g1AdminsManageTheCatalogEveryoneElseOnlyReads() {
        catalog();
        assertThat(errorType(mutate(ALICE, "createProduct", Map.of("sku", "X-1", "name", "X", "price", 1,
                "categoryId", "tea")))).contains("Unauthorized");
        assertThat(errorType(mutate(ALICE, "deleteProduct", Map.of("sku", "CHAI-1")))).contains("Unauthorized");
        for (Caller reader : List.of(KEY, GUEST, ALICE, ADMIN, RESTOCK)) {
            assertThat(items(runtime.call(reader, "Query", "listProducts", Map.of()))).hasSize(3);
        }
        assertThat(errorType(runtime.call(Callers.guest("eu-west-1:another-pool"), "Query", "listProducts", Map.of())))
                .contains("Unauthorized");
        assertThat(errorType(runtime.call(Callers.identityPoolUser(PlanRuntime.IDENTITY_POOL), "Query",
                "listProducts", Map.of()))).contains("Unauthorized");
        assertThat(data(mutate(ADMIN, "deleteProduct", Map.of("sku", "CHAI-1"))).get("sku")).isEqualTo("CHAI-1");
        assertThat(runtime.call(KEY, "Query", "getProduct", Map.of("sku", "CHAI-1")).data()).isNull();
    }

    @Test
    void validatorsAndDefaults() {
        catalog();
        ResolverResult lower = mutate(ADMIN, "createProduct", Map.of("sku", "bad", "name", "B", "price", 1,
                "categoryId", "tea"));
        assertThat(errorType(lower)).contains("ValidationError");
        assertThat(lower.errors().get(0).message()).isEqualTo("SKU must be upper case");
        assertThat(mutate(ADMIN, "createProduct", Map.of("sku", "FREE-1", "name", "Free", "price", 0,
                "categoryId", "tea")).errors().get(0).message()).isEqualTo("price must be greater than 0");
        assertThat(mutate(ADMIN, "createProduct", Map.of("sku", "E-1", "name", "", "price", 1,
                "categoryId", "tea")).errors().get(0).message()).isEqualTo("name must be at least 1 characters long");
        assertThat(data(runtime.call(KEY, "Query", "getProduct", Map.of("sku", "CHAI-1")))).containsEntry("stock", 0L);
        assertThat(errorType(mutate(ADMIN, "updateProduct", Map.of("sku", "CHAI-1", "stock", -1))))
                .contains("ValidationError");
    }

    @Test
    void indexQueryWithSortKeyConditionAndDirection() {
        catalog();
        List<Map<String, Object>> ch = items(runtime.call(KEY, "Query", "listProductsByCategory", Map.of(
                "categoryId", "tea", "name", Map.of("beginsWith", "Ch"), "sortDirection", "DESC")));
        assertThat(ch).extracting(p -> p.get("name")).containsExactly("Chun Mee", "Chai");
        assertThat(items(runtime.call(KEY, "Query", "listProductsByCategory", Map.of("categoryId", "coffee"))))
                .isEmpty();
        List<Map<String, Object>> between = items(runtime.call(KEY, "Query", "listProductsByCategory", Map.of(
                "categoryId", "tea", "name", Map.of("between", List.of("C", "D")))));
        assertThat(between).extracting(p -> p.get("name")).containsExactly("Chai", "Chun Mee");
        assertThat(items(runtime.call(KEY, "Query", "listProducts", Map.of("sku", "EARL-1")))).hasSize(1);
    }

    @Test
    void relationshipsBelongsToAndHasMany() {
        catalog();
        Map<String, Object> chai = data(runtime.call(KEY, "Query", "getProduct", Map.of("sku", "CHAI-1")));
        assertThat(data(runtime.call(KEY, "Product", "category", Map.of(), chai))).containsEntry("name", "Tea");
        Map<String, Object> tea = data(runtime.call(KEY, "Query", "getCategory", Map.of("id", "tea")));
        assertThat(items(runtime.call(KEY, "Category", "products", Map.of("limit", 2), tea))).hasSize(2);
        assertThat(items(runtime.call(KEY, "Category", "products",
                Map.of("filter", Map.of("price", Map.of("gt", 5))), tea))).extracting(p -> p.get("sku"))
                .containsExactly("CHUN-1");
    }

    @Test
    void r1ReviewsUnderAProductFollowTheReviewRules() {
        catalog();
        data(mutate(ALICE, "createReview", Map.of("productSku", "CHAI-1", "rating", "FIVE")));
        data(mutate(BOB, "createReview", Map.of("productSku", "CHAI-1", "rating", "TWO", "text", "meh")));
        Map<String, Object> chai = data(runtime.call(KEY, "Query", "getProduct", Map.of("sku", "CHAI-1")));
        assertThat(items(runtime.call(KEY, "Product", "reviews", Map.of(), chai))).hasSize(2);
        assertThat(items(runtime.call(Callers.identityPoolUser(PlanRuntime.IDENTITY_POOL), "Product", "reviews",
                Map.of(), chai))).hasSize(2);
        assertThat(items(runtime.call(BOB, "Product", "reviews", Map.of(), chai)))
                .extracting(r -> r.get("rating")).containsExactly("TWO");
        ResolverResult guest = runtime.call(GUEST, "Product", "reviews", Map.of(), chai);
        assertThat(guest.data()).isNull();
        assertThat(errorType(guest)).contains("Unauthorized");
        assertThat(guest.errors().get(0).message()).isEqualTo("Not Authorized to access reviews on type Product");
    }

    Map<String, Object> order(Caller caller, String customer) {
        return data(mutate(caller, "createOrder", Map.of("customerId", customer,
                "placedAt", "2026-11-26T10:00:00.000Z", "total", 12.5, "version", 1)));
    }

    @Test
    void ordersBelongToTheirOwnersAndAdmins() {
        Map<String, Object> mine = order(ALICE, "c-a");
        assertThat(mine).containsEntry("owner", "sub-a::alice").containsEntry("status", "PENDING")
                .containsEntry("version", 1L).containsKeys("id", "createdAt");
        Map<String, Object> key = Map.of("customerId", "c-a", "createdAt", mine.get("createdAt"));
        assertThat(data(runtime.call(ALICE, "Query", "getOrder", key))).containsEntry("owner", "sub-a::alice");
        assertThat(data(runtime.call(ADMIN, "Query", "getOrder", key))).containsEntry("owner", "sub-a::alice");
        ResolverResult bob = runtime.call(BOB, "Query", "getOrder", key);
        assertThat(bob.data()).isNull();
        assertThat(errorType(bob)).contains("Unauthorized");
        order(BOB, "c-b");
        assertThat(items(runtime.call(ALICE, "Query", "listOrders", Map.of()))).hasSize(1);
        assertThat(items(runtime.call(ADMIN, "Query", "listOrders", Map.of()))).hasSize(2);
        assertThat(items(runtime.call(BOB, "Query", "listOrders", Map.of("customerId", "c-a")))).isEmpty();
        assertThat(items(runtime.call(ALICE, "Query", "listOrders", Map.of("customerId", "c-a",
                "createdAt", Map.of("le", mine.get("createdAt")))))).hasSize(1);
        assertThat(errorType(runtime.call(ALICE, "Query", "listOrders",
                Map.of("createdAt", Map.of("eq", "x"))))).contains("ValidationError");
        assertThat(errorType(runtime.call(KEY, "Query", "listOrders", Map.of()))).contains("Unauthorized");
    }

    @Test
    void f2TheOwnerFieldOfAnOrderCannotBeWrittenThroughTheApi() {
        assertThat(errorType(mutate(ALICE, "createOrder", Map.of("customerId", "c-a", "placedAt",
                "2026-11-26T10:00:00.000Z", "total", 1, "version", 1, "owner", "sub-a::alice"))))
                .contains("Unauthorized");
        Map<String, Object> mine = order(ALICE, "c-a");
        assertThat(errorType(mutate(ADMIN, "updateOrder", Map.of("customerId", "c-a", "createdAt",
                mine.get("createdAt"), "version", 1, "owner", "sub-admin::admin")))).contains("Unauthorized");
    }

    @Test
    void optimisticConcurrencyOnOrders() {
        Map<String, Object> mine = order(ALICE, "c-a");
        Object createdAt = mine.get("createdAt");
        assertThat(errorType(mutate(ALICE, "updateOrder", Map.of("customerId", "c-a", "createdAt", createdAt,
                "version", 1, "status", "CANCELLED")))).contains("Unauthorized");
        Map<String, Object> paid = data(mutate(ADMIN, "updateOrder", Map.of("customerId", "c-a",
                "createdAt", createdAt, "version", 1, "status", "PAID")));
        assertThat(paid).containsEntry("version", 2L).containsEntry("status", "PAID").containsEntry("total", 12.5);
        assertThat((String) paid.get("updatedAt")).isGreaterThanOrEqualTo((String) mine.get("updatedAt"));
        ResolverResult stale = mutate(ADMIN, "updateOrder", Map.of("customerId", "c-a", "createdAt", createdAt,
                "version", 1, "status", "SHIPPED"));
        assertThat(errorType(stale)).contains("DynamoDB:ConditionalCheckFailedException");
        ResolverResult unversioned = mutate(ADMIN, "updateOrder", Map.of("customerId", "c-a",
                "createdAt", createdAt, "status", "SHIPPED"));
        assertThat(errorType(unversioned)).contains("ValidationError");
        assertThat(data(runtime.call(ADMIN, "Query", "getOrder", Map.of("customerId", "c-a", "createdAt",
                createdAt)))).containsEntry("status", "PAID").containsEntry("version", 2L);
        assertThat(errorType(mutate(ADMIN, "updateOrder", Map.of("customerId", "c-a", "createdAt", createdAt,
                "version", 2, "total", -1)))).contains("ValidationError");
    }

    @Test
    void r2OrderItemsAndTheirOrdersUnderEachModelsRules() {
        Map<String, Object> mine = order(ALICE, "c-a");
        Object createdAt = mine.get("createdAt");
        data(mutate(ALICE, "createOrderItem", Map.of("orderCustomerId", "c-a", "orderCreatedAt", createdAt,
                "productSku", "CHAI-1", "quantity", 2)));
        data(mutate(ALICE, "createOrderItem", Map.of("orderCustomerId", "c-a", "orderCreatedAt", createdAt,
                "productSku", "EARL-1", "quantity", 1)));
        ResolverResult none = mutate(ALICE, "createOrderItem", Map.of("orderCustomerId", "c-a",
                "orderCreatedAt", createdAt, "productSku", "X", "quantity", 0));
        assertThat(none.errors().get(0).message()).isEqualTo("Order at least one");
        assertThat(items(runtime.call(ALICE, "Order", "items", Map.of(), mine))).hasSize(2);
        assertThat(items(runtime.call(ADMIN, "Order", "items", Map.of(), mine))).hasSize(2);
        assertThat(items(runtime.call(BOB, "Order", "items", Map.of(), mine))).isEmpty();

        Map<String, Object> bobsItem = data(mutate(BOB, "createOrderItem", Map.of("orderCustomerId", "c-a",
                "orderCreatedAt", createdAt, "productSku", "CHUN-1", "quantity", 1)));
        ResolverResult parent = runtime.call(BOB, "OrderItem", "order", Map.of(), bobsItem);
        assertThat(parent.data()).isNull();
        assertThat(parent.errors()).extracting(e -> e.message())
                .containsExactly("Not Authorized to access order on type OrderItem");
        assertThat(data(runtime.call(ALICE, "OrderItem", "order", Map.of(), bobsItem)))
                .containsEntry("customerId", "c-a");
        // No key to get the order by: null without an error, through Order's response filter.
        Map<String, Object> orphan = new LinkedHashMap<>(bobsItem);
        orphan.remove("orderCustomerId");
        orphan.remove("orderCreatedAt");
        ResolverResult noOrder = runtime.call(ALICE, "OrderItem", "order", Map.of(), orphan);
        assertThat(noOrder.errors()).isEmpty();
        assertThat(noOrder.data()).isNull();
        // A caller no rule of Order admits: null and an Unauthorized error.
        ResolverResult denied = runtime.call(KEY, "OrderItem", "order", Map.of(), bobsItem);
        assertThat(denied.data()).isNull();
        assertThat(denied.errors()).extracting(e -> e.message())
                .containsExactly("Not Authorized to access order on type OrderItem");
    }

    @Test
    void ordersSubscriptionsAreFilteredForOwnersOnly() {
        Map<String, Object> alicesOrder = Map.of("customerId", "c-a", "owner", "sub-a::alice", "total", 1);
        Map<String, Object> bobsOrder = Map.of("customerId", "c-b", "owner", "sub-b::bob", "total", 1);
        Map<String, Object> filter = runtime.call(ALICE, "Subscription", "onCreateOrder", Map.of())
                .extensions().subscriptionFilter().orElseThrow();
        assertThat(SubscriptionFilter.matches(filter, alicesOrder)).isTrue();
        assertThat(SubscriptionFilter.matches(filter, bobsOrder)).isFalse();
        ResolverResult admin = runtime.call(ADMIN, "Subscription", "onUpdateOrder", Map.of());
        assertThat(admin.errors()).isEmpty();
        assertThat(admin.extensions().subscriptionFilter()).isEmpty();
        assertThat(errorType(runtime.call(RESTOCK, "Subscription", "onCreateProduct", Map.of())))
                .contains("Unauthorized");
        assertThat(runtime.call(KEY, "Subscription", "onCreateProduct", Map.of()).errors()).isEmpty();
    }

    Map<String, Object> ticket() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", "t-1");
        input.put("subject", "Refund");
        input.put("team", "billing");
        input.put("teams", List.of("t1"));
        input.put("watchers", List.of("sub-b"));
        return data(mutate(ALICE, "createSupportTicket", input));
    }

    @Test
    void g3DynamicGroupsAndO6MultipleOwners() {
        Map<String, Object> ticket = ticket();
        assertThat(ticket).containsEntry("reporter", "sub-a");
        Map<String, Object> id = Map.of("id", "t-1");
        for (Caller reader : List.of(ALICE, BOB, BILLING, TEAM_T1, SUPPORT, ADMIN, Callers.lambdaAuthorizer(),
                Callers.oidc("partner-1", Map.of()), Callers.oidc("partner-2", Map.of("groups", List.of("partner-support"))))) {
            assertThat(runtime.call(reader, "Query", "getSupportTicket", id).errors()).isEmpty();
        }
        Caller stranger = Callers.user("sub-e", "erin", "shipping");
        assertThat(errorType(runtime.call(stranger, "Query", "getSupportTicket", id))).contains("Unauthorized");
        assertThat(items(runtime.call(stranger, "Query", "listSupportTickets", Map.of()))).isEmpty();
        assertThat(items(runtime.call(BILLING, "Query", "listSupportTickets", Map.of()))).hasSize(1);

        assertThat(errorType(mutate(BOB, "updateSupportTicket", Map.of("id", "t-1", "subject", "Mine"))))
                .contains("DynamoDB:ConditionalCheckFailedException");
        assertThat(errorType(mutate(TEAM_T1, "updateSupportTicket", Map.of("id", "t-1", "subject", "t1"))))
                .contains("DynamoDB:ConditionalCheckFailedException");
        assertThat(data(mutate(BILLING, "updateSupportTicket", Map.of("id", "t-1", "subject", "Billing took it"))))
                .containsEntry("subject", "Billing took it");
        assertThat(errorType(mutate(ALICE, "updateSupportTicket", Map.of("id", "t-1", "reporter", "sub-b"))))
                .contains("Unauthorized");
        assertThat(data(mutate(SUPPORT, "updateSupportTicket", Map.of("id", "t-1", "reporter", "sub-b"))))
                .containsEntry("reporter", "sub-b");
        assertThat(errorType(mutate(Callers.lambdaAuthorizer(), "createSupportTicket", Map.of("subject", "x"))))
                .contains("Unauthorized");
    }

    @Test
    void i1GrantedFunctionsOnlyForTheirRootTypesI2OthersDenied() {
        catalog();
        assertThat(items(runtime.call(RESTOCK, "Query", "listProducts", Map.of()))).hasSize(3);
        assertThat(data(mutate(RESTOCK, "updateProduct", Map.of("sku", "CHAI-1", "stock", 40))))
                .containsEntry("stock", 40L);
        Caller other = Callers.role("amplify-recommend-role");
        assertThat(errorType(runtime.call(other, "Query", "listProducts", Map.of()))).contains("Unauthorized");
        assertThat(errorType(mutate(other, "updateProduct", Map.of("sku", "CHAI-1", "stock", 0))))
                .contains("Unauthorized");
    }

    @Test
    void customQueryInvokesItsFunctionAfterTheAuthFunction() {
        ResolverResult result = runtime.call(KEY, "Query", "recommendProducts", Map.of("sku", "CHAI-1"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.data()).isEqualTo(List.of(Map.of("sku", "CHAI-1", "score", 0.9)));
        assertThat(invocations).hasSize(1);
        assertThat(invocations.get(0)).containsEntry("operation", "Invoke")
                .containsEntry("invocationType", "RequestResponse");
        assertThat((Map<String, Object>) invocations.get(0).get("payload"))
                .containsEntry("fieldName", "recommendProducts")
                .containsEntry("arguments", Map.of("sku", "CHAI-1"));
        assertThat(runtime.call(RESTOCK, "Query", "recommendProducts", Map.of("sku", "CHAI-1")).errors()).isEmpty();
        assertThat(errorType(runtime.call(GUEST, "Query", "recommendProducts", Map.of("sku", "CHAI-1"))))
                .contains("Unauthorized");
        assertThat(invocations).hasSize(2);
    }

    @Test
    void customJsMutationOnlyForAdmins() {
        catalog();
        ResolverResult adjusted = runtime.call(ADMIN, "Mutation", "adjustStock", Map.of("sku", "CHAI-1", "delta", 5));
        assertThat(data(adjusted)).containsEntry("stock", 5L);
        assertThat(errorType(runtime.call(ALICE, "Mutation", "adjustStock", Map.of("sku", "CHAI-1", "delta", 5))))
                .contains("Unauthorized");
        assertThat(errorType(runtime.call(RESTOCK, "Mutation", "adjustStock", Map.of("sku", "CHAI-1", "delta", 1))))
                .isEmpty();
        assertThat(data(runtime.call(KEY, "Query", "getProduct", Map.of("sku", "CHAI-1")))).containsEntry("stock", 6L);
    }
}
