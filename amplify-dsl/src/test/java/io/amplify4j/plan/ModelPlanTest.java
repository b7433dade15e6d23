package io.amplify4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.RelationshipDefinition.Kind;
import io.amplify4j.plan.FieldPlan.Origin;
import io.amplify4j.plan.KeyAttribute.AttributeType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelPlanTest {
    private static final DataPlan todoApp = BackendPlan.of(new TodoBackend().define()).data().orElseThrow();
    private static final DataPlan BLOG = BackendPlan.of(new BlogBackend().define()).data().orElseThrow();
    private static final DataPlan SHOP = BackendPlan.of(new ShopBackend().define()).data().orElseThrow();
    private static final DataPlan LEDGER = BackendPlan.of(new LedgerBackend().define()).data().orElseThrow();

    @Test
    void fieldsComeInSdlOrderWithImplicitOnes() {
        ModelPlan todo = todoApp.model("Todo").orElseThrow();
        assertThat(todo.fields()).extracting(FieldPlan::name)
                .containsExactly("id", "content", "done", "priority", "createdAt", "updatedAt", "owner");
        assertThat(todo.fields()).extracting(FieldPlan::origin)
                .containsExactly(Origin.IMPLICIT_ID, Origin.DECLARED, Origin.DECLARED, Origin.DECLARED,
                        Origin.TIMESTAMP, Origin.TIMESTAMP, Origin.AUTH);
        assertThat(todo.field("owner").orElseThrow().type().graphql()).isEqualTo("String");
        assertThat(todo.authFieldNames()).containsExactly("owner");
    }

    @Test
    void pluralAuthFieldsAreListsAndDeclaredOnesAreNotRepeated() {
        ModelPlan ticket = SHOP.model("SupportTicket").orElseThrow();
        assertThat(ticket.fields()).extracting(FieldPlan::name).containsExactly(
                "id", "subject", "watchers", "team", "teams", "reporter", "createdAt", "updatedAt", "owner");
        assertThat(ticket.field("watchers").orElseThrow().origin()).isEqualTo(Origin.DECLARED);
        assertThat(ticket.field("owner").orElseThrow().origin()).isEqualTo(Origin.AUTH);
        assertThat(ticket.authFieldNames()).containsExactly("watchers", "team", "teams", "reporter", "owner");
    }

    @Test
    void modelRulesReplaceSchemaRules() {
        ModelPlan post = BLOG.model("Post").orElseThrow();
        assertThat(post.rules()).isEqualTo(BLOG.definition().rules());
        ModelPlan todo = todoApp.model("Todo").orElseThrow();
        assertThat(todo.rules()).hasSize(2).first().isInstanceOf(AuthRule.Owner.class);
    }

    @Test
    void implicitPrimaryKey() {
        PrimaryKeyPlan key = todoApp.model("Todo").orElseThrow().primaryKey();
        assertThat(key.fields()).containsExactly("id");
        assertThat(key.partitionAttribute()).isEqualTo(new KeyAttribute("id", AttributeType.S));
        assertThat(key.sortAttribute()).isEmpty();
        assertThat(key.explicit()).isFalse();
    }

    @Test
    void compositePrimaryKeyIsStoredInOneAttribute() {
        ModelPlan entry = LEDGER.model("Entry").orElseThrow();
        PrimaryKeyPlan key = entry.primaryKey();
        assertThat(key.partitionKey()).isEqualTo("tenant");
        assertThat(key.sortKeys()).containsExactly("day", "seq");
        assertThat(key.sortAttribute()).contains(new KeyAttribute("day#seq", AttributeType.S));
        assertThat(key.explicit()).isTrue();
        assertThat(entry.field("id")).isEmpty();
        assertThat(entry.names().primaryCompositeKeyConditionInput())
                .contains("ModelEntryPrimaryCompositeKeyConditionInput");
        assertThat(entry.names().primaryCompositeKeyInput()).contains("ModelEntryPrimaryCompositeKeyInput");
        assertThat(entry.tableName()).isEqualTo("ledger-entries-v1");
    }

    @Test
    void timestampInIdentifierAndImplicitIdForAnIndexOnIt() {
        ModelPlan order = SHOP.model("Order").orElseThrow();
        assertThat(order.primaryKey().fields()).containsExactly("customerId", "createdAt");
        assertThat(order.primaryKey().sortAttribute()).contains(new KeyAttribute("createdAt", AttributeType.S));
        assertThat(order.field("id").orElseThrow().origin()).isEqualTo(Origin.IMPLICIT_ID);
        assertThat(order.indexes()).singleElement().satisfies(index -> {
            assertThat(index.name()).isEqualTo("ordersById");
            assertThat(index.queryField()).isEmpty();
        });
        assertThat(order.tableName()).isEqualTo("shop-Order");
    }

    @Test
    void operationsAndTheirNames() {
        ModelPlan category = SHOP.model("Category").orElseThrow();
        assertThat(category.operations()).containsExactly(
                entry(ModelOperationKind.GET, "getCategory"),
                entry(ModelOperationKind.LIST, "listCategories"),
                entry(ModelOperationKind.CREATE, "createCategory"),
                entry(ModelOperationKind.UPDATE, "updateCategory"),
                entry(ModelOperationKind.DELETE, "deleteCategory"),
                entry(ModelOperationKind.ON_CREATE, "onCreateCategory"),
                entry(ModelOperationKind.ON_UPDATE, "onUpdateCategory"),
                entry(ModelOperationKind.ON_DELETE, "onDeleteCategory"));
    }

    @Test
    void disabledOperations() {
        ModelPlan ticket = SHOP.model("SupportTicket").orElseThrow();
        assertThat(ticket.operations().keySet()).containsExactly(ModelOperationKind.GET, ModelOperationKind.LIST,
                ModelOperationKind.CREATE, ModelOperationKind.UPDATE);
        // Coarse QUERIES and MUTATIONS win over fine GET; without mutations there is nothing to subscribe to.
        ModelPlan archive = LEDGER.model("Archive").orElseThrow();
        assertThat(archive.operations()).isEmpty();
        assertThat(archive.hasMutations()).isFalse();
        assertThat(archive.hasSubscriptions()).isFalse();
    }

    @Test
    void secondaryIndexesWithDefaultAndCustomNames() {
        ModelPlan product = SHOP.model("Product").orElseThrow();
        assertThat(product.indexes()).singleElement().satisfies(index -> {
            assertThat(index.name()).isEqualTo("productsByCategoryIdAndName");
            assertThat(index.queryField()).contains("listProductsByCategory");
            assertThat(index.partitionAttribute()).isEqualTo(new KeyAttribute("categoryId", AttributeType.S));
            assertThat(index.sortAttribute()).contains(new KeyAttribute("name", AttributeType.S));
        });
        ModelPlan entry = LEDGER.model("Entry").orElseThrow();
        assertThat(entry.indexes()).hasSize(2);
        IndexPlan byKind = entry.indexes().get(0);
        assertThat(byKind.name()).isEqualTo("byTenantKind");
        assertThat(byKind.keyName()).isEqualTo("ByTenantKind");
        assertThat(byKind.queryField()).contains("entriesByKind");
        assertThat(byKind.sortAttribute()).contains(new KeyAttribute("kind#amount", AttributeType.S));
        IndexPlan defaults = entry.indexes().get(1);
        assertThat(defaults.name()).isEqualTo("entriesByKindAndSeq");
        assertThat(defaults.queryField()).contains("listEntryByKindAndSeq");
        assertThat(defaults.sortAttribute()).contains(new KeyAttribute("seq", AttributeType.N));
    }

    @Test
    void relationships() {
        ModelPlan post = BLOG.model("Post").orElseThrow();
        assertThat(post.relationships()).containsExactly(
                new RelationshipPlan("blog", Kind.BELONGS_TO, "Blog", List.of("blogId"), List.of("id"),
                        Optional.empty()),
                new RelationshipPlan("comments", Kind.HAS_MANY, "Comment", List.of("postId"), List.of("id"),
                        Optional.of("gsi-Post.comments")),
                new RelationshipPlan("tags", Kind.HAS_MANY, "PostTag", List.of("postId"), List.of("id"),
                        Optional.of("gsi-Post.tags")));
        ModelPlan order = SHOP.model("Order").orElseThrow();
        assertThat(order.relationship("items").orElseThrow().relatedKeyFields())
                .containsExactly("customerId", "createdAt");
        ModelPlan item = SHOP.model("OrderItem").orElseThrow();
        assertThat(item.relationship("order").orElseThrow().relatedKeyFields())
                .containsExactly("customerId", "createdAt");
    }

    private static java.util.Map.Entry<ModelOperationKind, String> entry(ModelOperationKind kind, String name) {
        return java.util.Map.entry(kind, name);
    }
}
