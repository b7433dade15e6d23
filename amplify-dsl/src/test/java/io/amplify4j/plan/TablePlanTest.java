package io.amplify4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.model.data.SecondaryIndexDefinition.Projection;
import io.amplify4j.plan.KeyAttribute.AttributeType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TablePlanTest {
    private static final DataPlan SHOP = BackendPlan.of(new ShopBackend().define()).data().orElseThrow();
    private static final DataPlan LEDGER = BackendPlan.of(new LedgerBackend().define()).data().orElseThrow();

    private static KeyAttribute s(String name) {
        return new KeyAttribute(name, AttributeType.S);
    }

    @Test
    void oneTablePerModelInDeclarationOrder() {
        assertThat(SHOP.tables()).extracting(TablePlan::model)
                .containsExactly("Category", "Product", "Review", "Order", "OrderItem", "SupportTicket");
        assertThat(SHOP.tables()).extracting(TablePlan::tableName)
                .containsExactly("shop-Category", "shop-Product", "shop-Review", "shop-Order", "shop-OrderItem",
                        "shop-SupportTicket");
        // Nothing reads a table's changes (subscriptions come from the mutation resolvers), so no table has a stream.
        assertThat(SHOP.tables()).allSatisfy(t -> assertThat(t.streamViewType()).isEmpty());
    }

    @Test
    void orderKeySchemaAndOwnIndex() {
        TablePlan order = SHOP.table("Order").orElseThrow();
        assertThat(order.partitionKey()).isEqualTo(s("customerId"));
        assertThat(order.sortKey()).contains(s("createdAt"));
        assertThat(order.globalSecondaryIndexes()).containsExactly(
                new GsiPlan("ordersById", s("id"), Optional.empty(), Projection.all(), GsiPlan.Source.SECONDARY_INDEX));
        assertThat(order.attributeDefinitions()).containsExactly(s("createdAt"), s("customerId"), s("id"));
    }

    @Test
    void relationshipGsisLiveOnTheChildTable() {
        TablePlan items = SHOP.table("OrderItem").orElseThrow();
        assertThat(items.globalSecondaryIndexes()).containsExactly(new GsiPlan("gsi-Order.items",
                s("orderCustomerId"), Optional.of(s("orderCreatedAt")), Projection.all(), GsiPlan.Source.RELATIONSHIP));

        TablePlan product = SHOP.table("Product").orElseThrow();
        assertThat(product.partitionKey()).isEqualTo(s("sku"));
        assertThat(product.sortKey()).isEmpty();
        assertThat(product.globalSecondaryIndexes()).extracting(GsiPlan::name)
                .containsExactly("gsi-Category.products", "productsByCategoryIdAndName");
        assertThat(product.gsi("productsByCategoryIdAndName").orElseThrow().sortKey()).contains(s("name"));
        assertThat(product.attributeDefinitions()).containsExactly(s("categoryId"), s("name"), s("sku"));
    }

    @Test
    void compositeSortKeysAndNumericKeys() {
        TablePlan entry = LEDGER.table("Entry").orElseThrow();
        assertThat(entry.tableName()).isEqualTo("ledger-entries-v1");
        assertThat(entry.partitionKey()).isEqualTo(s("tenant"));
        assertThat(entry.sortKey()).contains(s("day#seq"));
        assertThat(entry.globalSecondaryIndexes()).containsExactly(
                new GsiPlan("byTenantKind", s("tenant"), Optional.of(s("kind#amount")), Projection.all(),
                        GsiPlan.Source.SECONDARY_INDEX),
                new GsiPlan("entriesByKindAndSeq", s("kind"), Optional.of(new KeyAttribute("seq", AttributeType.N)),
                        Projection.all(), GsiPlan.Source.SECONDARY_INDEX));
        assertThat(entry.attributeDefinitions()).containsExactly(
                s("day#seq"), s("kind"), s("kind#amount"), new KeyAttribute("seq", AttributeType.N), s("tenant"));
    }
}
