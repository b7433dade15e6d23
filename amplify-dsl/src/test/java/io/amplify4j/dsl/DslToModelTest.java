package io.amplify4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import io.amplify4j.validate.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DSL turns handles into names and modifiers into type shapes exactly as declared. */
class DslToModelTest {

    @Test
    void todoBecomesOneModelWithOwnerAndApiKeyRules() {
        BackendModel model = new TodoBackend().define();
        ModelDefinition todo = model.data().orElseThrow().model("Todo").orElseThrow();

        assertThat(todo.fields()).extracting(f -> f.name()).containsExactly("content", "done", "priority");
        assertThat(todo.field("done").orElseThrow().defaultValue()).contains("false");
        assertThat(todo.field("content").orElseThrow().description()).contains("What there is to do.");
        assertThat(todo.rules()).containsExactly(
                new AuthRule.Owner("owner", false, "sub::username",
                        io.amplify4j.model.data.AuthProvider.USER_POOLS, false, List.of()),
                new AuthRule.PublicApiKey(List.of(ModelOperation.READ)));
        assertThat(model.data().orElseThrow().authorizationModes().apiKey().orElseThrow().expiresInDays())
                .isEqualTo(30);
    }

    @Test
    void listModifiersFollowAmplifysOrder() {
        BackendBuilder backend = Backend.builder("lists");
        backend.data().authorizationModes(m -> m.apiKey());
        ModelBuilder note = backend.data().model("Note");
        note.string("a").array();
        note.string("b").array().required();
        note.string("c").required().array().required();
        note.authorization(allow -> List.of(allow.publicApiKey()));

        ModelDefinition model = backend.build().data().orElseThrow().model("Note").orElseThrow();
        assertThat(model.fields()).extracting(f -> f.type().graphql())
                .containsExactly("[String]", "[String]!", "[String!]!");
    }

    @Test
    void relationshipsAndCompositeKeysUseFieldNames() {
        DataDefinition shop = new ShopBackend().define().data().orElseThrow();
        ModelDefinition order = shop.model("Order").orElseThrow();
        assertThat(order.identifier()).containsExactly("customerId", "createdAt");
        assertThat(order.versionField()).contains("version");
        assertThat(order.relationship("items").orElseThrow()).isEqualTo(new RelationshipDefinition(
                "items", RelationshipDefinition.Kind.HAS_MANY, "OrderItem",
                List.of("orderCustomerId", "orderCreatedAt"), true, true, List.of(), Optional.empty()));
        assertThat(shop.model("Product").orElseThrow().indexes().get(0).queryField())
                .contains("listProductsByCategory");
        assertThat(shop.enumType("OrderStatus").orElseThrow().values())
                .containsExactly("PENDING", "PAID", "SHIPPED", "CANCELLED");
        assertThat(shop.operations()).extracting(o -> o.name())
                .containsExactly("recommendProducts", "adjustStock", "onInventoryChange");
        assertThat(shop.operations().get(0).returns()).contains(new FieldType(
                new TypeRef.CustomType("Recommendation"), true, true, true));
    }

    @Test
    void blogDefinesFiveModelsUnderSchemaRules() {
        DataDefinition blog = new BlogBackend().define().data().orElseThrow();
        assertThat(blog.models()).extracting(ModelDefinition::name)
                .containsExactly("Blog", "Post", "Comment", "Tag", "PostTag");
        assertThat(blog.rules()).hasSize(2);
        assertThat(blog.model("Post").orElseThrow().field("blogId").orElseThrow().type())
                .isEqualTo(FieldType.required(TypeRef.scalar(ScalarType.ID)));
    }

    @Test
    void aFieldOfAnotherModelIsReportedWhereItIsUsed() {
        BackendBuilder backend = Backend.builder("mixup");
        backend.data().authorizationModes(m -> m.apiKey());
        ModelBuilder a = backend.data().model("A");
        ModelBuilder b = backend.data().model("B");
        StringField bKey = b.string("key").required();
        a.identifier(bKey);
        a.authorization(allow -> List.of(allow.publicApiKey()));
        b.authorization(allow -> List.of(allow.publicApiKey()));

        assertThatThrownBy(backend::build)
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(Object::toString)
                        .contains("data.A.identifier: Field `B.key` belongs to model `B`, not to model `A`."
                                + " Use a field declared on `A`."));
    }

    @Test
    void aFunctionOfAnotherBackendIsReported() {
        FunctionRef foreign = Backend.builder("other").function("fn", f -> f.javaHandler("x.Y",
                java.nio.file.Path.of("y.jar")));
        BackendBuilder backend = Backend.builder("main");
        backend.data().authorizationModes(m -> m.apiKey());
        backend.data().query("q").returns(DataType.string()).handler(foreign)
                .authorization(allow -> List.of(allow.publicApiKey()));

        assertThatThrownBy(backend::build)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("data.operations.q.handlers: function `fn` belongs to another backend"
                        + " definition (`other`). Declare it in this backend and use that handle.");
    }
}
