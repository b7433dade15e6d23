package io.amplify4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operation shapes the SDL and the client generator share. */
class OperationShapesTest {
    private final OperationShapes shapes = new OperationShapes(Names.DEFAULT);

    @Test
    void createInputMakesFilledFieldsOptionalAndKeepsRequiredOnes() {
        ModelPlan todo = BackendPlan.of(new TodoBackend().define()).data().orElseThrow().model("Todo").orElseThrow();
        List<String> fields = shapes.createInputFields(todo).stream()
                .map(f -> f.name() + ": " + f.type().graphql() + (f.key() ? " (key)" : ""))
                .toList();
        assertThat(fields).containsExactly("id: ID (key)", "content: String!", "done: Boolean", "priority: Int",
                "owner: String");
        assertThat(shapes.updateInputFields(todo).stream().map(f -> f.name() + ": " + f.type().graphql()).toList())
                .containsExactly("id: ID!", "content: String", "done: Boolean", "priority: Int", "owner: String");
    }

    @Test
    void queryArgumentsFollowTheKeyAndIndexes() {
        DataPlan shop = BackendPlan.of(new ShopBackend().define()).data().orElseThrow();
        ModelPlan order = shop.model("Order").orElseThrow();
        assertThat(shapes.getArguments(order).stream().map(OperationShapes.Argument::sdl).toList())
                .containsExactly("customerId: ID!", "createdAt: AWSDateTime!");
        assertThat(shapes.listArguments(order).stream().map(OperationShapes.Argument::sdl).toList())
                .containsExactly("customerId: ID", "createdAt: ModelStringKeyConditionInput",
                        "filter: ModelOrderFilterInput", "limit: Int", "nextToken: String",
                        "sortDirection: ModelSortDirection");
        ModelPlan product = shop.model("Product").orElseThrow();
        assertThat(shapes.indexArguments(product, product.indexes().get(0)).stream()
                        .map(OperationShapes.Argument::sdl).toList())
                .containsExactly("categoryId: ID!", "name: ModelStringKeyConditionInput",
                        "sortDirection: ModelSortDirection", "filter: ModelProductFilterInput", "limit: Int",
                        "nextToken: String");
        assertThat(shop.definition().operations().stream().map(OperationShapes::returnType).toList())
                .containsExactly("[Recommendation!]!", "Product", "Product");
    }
}
