package io.amplify4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.model.data.ScalarType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {
    private final Names names = Names.DEFAULT;

    /** Expected values are what npm pluralize 8 returns for the same input. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Todo, Todos",
        "Post, Posts",
        "Blog, Blogs",
        "Comment, Comments",
        "OrderItem, OrderItems",
        "Category, Categories",
        "Inventory, Inventories",
        "Address, Addresses",
        "Status, Statuses",
        "OrderStatus, OrderStatuses",
        "Person, People",
        "Child, Children",
        "Index, Indices",
        "Matrix, Matrices",
        "Box, Boxes",
        "Church, Churches",
        "Dish, Dishes",
        "Quiz, Quizzes",
        "Day, Days",
        "Key, Keys",
        "Money, Monies",
        "Hero, Heroes",
        "Photo, Photos",
        "Leaf, Leaves",
        "Knife, Knives",
        "Analysis, Analyses",
        "Axis, Axes",
        "Datum, Data",
        "Criterion, Criteria",
        "Man, Men",
        "Salesman, Salesmen",
        "Human, Humans",
        "Mouse, Mice",
        "Ox, Oxen",
        "Sheep, Sheep",
        "News, News",
        "Equipment, Equipment",
        "Fish, Fish",
        "Series, Series",
        "Bus, Buses",
        "Alias, Aliases",
        "Cactus, Cacti",
        "Tooth, Teeth",
        "SupportTicket, SupportTickets",
        "PostTag, PostTags",
        "todo, todos",
        "TODO, TODOS"
    })
    void pluralizesLikeNpmPluralize(String singular, String plural) {
        assertThat(names.plural(singular)).isEqualTo(plural);
    }

    @Test
    void modelOperationAndTypeNames() {
        assertThat(names.getQuery("Category")).isEqualTo("getCategory");
        assertThat(names.listQuery("Category")).isEqualTo("listCategories");
        assertThat(names.listQuery("Person")).isEqualTo("listPeople");
        assertThat(names.createMutation("Todo")).isEqualTo("createTodo");
        assertThat(names.updateMutation("Todo")).isEqualTo("updateTodo");
        assertThat(names.deleteMutation("Todo")).isEqualTo("deleteTodo");
        assertThat(names.onCreateSubscription("Todo")).isEqualTo("onCreateTodo");
        assertThat(names.onUpdateSubscription("Todo")).isEqualTo("onUpdateTodo");
        assertThat(names.onDeleteSubscription("Todo")).isEqualTo("onDeleteTodo");
        assertThat(names.connectionType("Todo")).isEqualTo("ModelTodoConnection");
        assertThat(names.createInput("Todo")).isEqualTo("CreateTodoInput");
        assertThat(names.updateInput("Todo")).isEqualTo("UpdateTodoInput");
        assertThat(names.deleteInput("Todo")).isEqualTo("DeleteTodoInput");
        assertThat(names.filterInput("Todo")).isEqualTo("ModelTodoFilterInput");
        assertThat(names.conditionInput("Todo")).isEqualTo("ModelTodoConditionInput");
        assertThat(names.subscriptionFilterInput("Todo")).isEqualTo("ModelSubscriptionTodoFilterInput");
        assertThat(names.nonModelInput("Address")).isEqualTo("AddressInput");
    }

    @Test
    void sharedInputNames() {
        assertThat(names.scalarFilterInput("String")).isEqualTo("ModelStringInput");
        assertThat(names.scalarFilterInput("OrderStatus")).isEqualTo("ModelOrderStatusInput");
        assertThat(names.listFilterInput("OrderStatus")).isEqualTo("ModelOrderStatusListInput");
        assertThat(names.subscriptionScalarFilterInput("ID")).isEqualTo("ModelSubscriptionIDInput");
        assertThat(names.keyConditionInput("Int")).isEqualTo("ModelIntKeyConditionInput");
        assertThat(names.sizeInput()).isEqualTo("ModelSizeInput");
        assertThat(names.attributeTypesEnum()).isEqualTo("ModelAttributeTypes");
        assertThat(names.sortDirectionEnum()).isEqualTo("ModelSortDirection");
    }

    @Test
    void filterScalarsFollowAmplifysDefaultScalars() {
        assertThat(Names.filterScalar(ScalarType.ID)).isEqualTo("ID");
        assertThat(Names.filterScalar(ScalarType.STRING)).isEqualTo("String");
        assertThat(Names.filterScalar(ScalarType.DATETIME)).isEqualTo("String");
        assertThat(Names.filterScalar(ScalarType.JSON)).isEqualTo("String");
        assertThat(Names.filterScalar(ScalarType.TIMESTAMP)).isEqualTo("Int");
        assertThat(Names.filterScalar(ScalarType.INT)).isEqualTo("Int");
        assertThat(Names.filterScalar(ScalarType.FLOAT)).isEqualTo("Float");
        assertThat(Names.filterScalar(ScalarType.BOOLEAN)).isEqualTo("Boolean");
    }

    @Test
    void keyAndIndexNames() {
        assertThat(names.keyName(Optional.empty())).isEqualTo("Primary");
        assertThat(names.keyName(Optional.of("byCustomer"))).isEqualTo("ByCustomer");
        assertThat(names.compositeKeyConditionInput("Order", "Primary"))
                .isEqualTo("ModelOrderPrimaryCompositeKeyConditionInput");
        assertThat(names.compositeKeyInput("Order", "Primary")).isEqualTo("ModelOrderPrimaryCompositeKeyInput");
        assertThat(names.compositeSortKeyArgument(List.of("status", "createdAt"))).isEqualTo("statusCreatedAt");
        assertThat(names.compositeAttribute(List.of("status", "createdAt"))).isEqualTo("status#createdAt");
        assertThat(names.defaultIndexName("Employee", "manager", List.of("level")))
                .isEqualTo("employeesByManagerAndLevel");
        assertThat(names.defaultIndexName("Category", "parentId", List.of())).isEqualTo("categoriesByParentId");
        assertThat(names.defaultIndexQueryField("Employee", "manager", List.of("level")))
                .isEqualTo("listEmployeeByManagerAndLevel");
        assertThat(names.relationshipIndexName("Blog", "posts")).isEqualTo("gsi-Blog.posts");
    }

    @Test
    void tableNamesAreDeterministicAndSanitized() {
        assertThat(names.tableName("shop", "Order")).isEqualTo("shop-Order");
        assertThat(names.tableName("my shop!", "Order")).isEqualTo("myshop-Order");
        assertThat(names.tableName("x".repeat(300), "Order")).hasSize(255);
    }

    @Test
    void aSubclassRenamesEverywhere() {
        Names custom = new Names() {
            @Override
            public String listQuery(String model) {
                return "all" + plural(model);
            }
        };
        assertThat(custom.listQuery("Category")).isEqualTo("allCategories");
        assertThat(custom.getQuery("Category")).isEqualTo("getCategory");
    }
}
