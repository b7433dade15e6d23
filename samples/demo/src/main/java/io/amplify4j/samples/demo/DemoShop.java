package io.amplify4j.samples.demo;

import static io.amplify4j.model.data.ModelOperation.CREATE;
import static io.amplify4j.model.data.ModelOperation.READ;

import io.amplify4j.dsl.AuthBuilder;
import io.amplify4j.dsl.AuthBuilder.MfaMethod;
import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.CustomTypeBuilder;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.DataType;
import io.amplify4j.dsl.EnumRef;
import io.amplify4j.dsl.FunctionRef;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.Secrets;
import io.amplify4j.dsl.StringField;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.Profile;
import io.amplify4j.model.auth.AuthDefinition.Multifactor;
import io.amplify4j.model.data.AuthorizationModes.Mode;
import io.amplify4j.model.data.CustomOperation.MutationKind;
import io.amplify4j.model.data.FunctionDataAccess.ResourceOperation;
import io.amplify4j.model.storage.StorageAction;
import java.nio.file.Path;
import java.util.List;

/** The README's complete example, kept here so that it always compiles and validates. */
public final class DemoShop implements BackendDefinition {

    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("shop").profile(Profile.PRODUCTION);

        // Functions: a Java handler class and the jar holding it (SnapStart on by default).
        FunctionRef recommend = backend.function("recommend", fn -> fn
                .javaHandler("com.example.shop.RecommendHandler", Path.of("target/shop-functions.jar"))
                .memoryMb(1024)
                .timeoutSeconds(10));
        FunctionRef restock = backend.function("restock", fn -> fn
                .javaHandler("com.example.shop.RestockHandler", Path.of("target/shop-functions.jar"))
                .scheduleCron("0 3 * * *", "Europe/Berlin")
                .secret("SUPPLIER_API_KEY", Secrets.secret("shop/supplier-api-key")));

        // Auth: email sign-in, optional TOTP, and groups as handles.
        AuthBuilder auth = backend.auth().loginWithEmail().multifactor(Multifactor.Mode.OPTIONAL, MfaMethod.TOTP);
        AuthGroup admins = auth.group("ADMINS");

        // Data: models, typed fields, relationships, keys and indexes, rules.
        DataBuilder data = backend.data();
        data.authorizationModes(modes -> modes.defaultMode(Mode.USER_POOL).apiKey(30));
        data.authorization(allow -> List.of(
                allow.resource(restock).to(ResourceOperation.QUERY, ResourceOperation.MUTATE)));

        EnumRef<OrderStatus> status = data.enumType(OrderStatus.class); // a Java enum becomes a GraphQL enum
        CustomTypeBuilder address = data.customType("Address", t -> {
            t.string("street").required();
            t.string("country").required().minLength(2).maxLength(2);
        });

        ModelBuilder category = data.model("Category");
        category.string("name").required();

        ModelBuilder product = data.model("Product").description("Something the shop sells.");
        StringField sku = product.string("sku").required().matches("^[A-Z0-9-]+$", "SKU must be upper case");
        StringField name = product.string("name").required();
        product.floating("price").required().positive();
        product.integer("stock").required().defaultValue(0).gte(0);
        StringField categoryId = product.id("categoryId").required();
        product.identifier(sku); // handles, not strings
        product.secondaryIndex(categoryId).sortKeys(name).queryField("listProductsByCategory");
        product.belongsTo("category", category, categoryId);
        category.hasMany("products", product, categoryId);
        product.authorization(allow -> List.of(allow.publicApiKey().to(READ), allow.group(admins)));
        category.authorization(allow -> List.of(allow.publicApiKey().to(READ), allow.group(admins)));

        ModelBuilder order = data.model("Order");
        StringField customerId = order.id("customerId").required();
        order.enumeration("status", status).required().defaultValue(OrderStatus.PENDING);
        order.customType("shippingAddress", address);
        order.identifier(customerId, order.createdAt()); // composite key
        order.authorization(allow -> List.of(allow.owner().to(CREATE, READ), allow.group(admins)));

        // Custom operations: a Java function behind a query, a subscription for a model's mutations.
        data.query("recommendProducts")
                .argument("sku", DataType.string().required())
                .returns(DataType.ref(product).array())
                .handler(recommend)
                .authorization(allow -> List.of(allow.authenticated()));
        data.subscription("onInventoryChange")
                .returns(DataType.ref(product))
                .forMutations(product, MutationKind.UPDATE)
                .authorization(allow -> List.of(allow.authenticated()));

        // Storage: path rules; {entity_id} is the caller's identity.
        backend.storage("media", bucket -> bucket.isDefault()
                .access("products/*", allow -> List.of(
                        allow.guest().to(StorageAction.READ),
                        allow.groups(admins).to(StorageAction.READ, StorageAction.WRITE, StorageAction.DELETE)))
                .access("uploads/{entity_id}/*", allow -> List.of(
                        allow.entity().to(StorageAction.READ, StorageAction.WRITE, StorageAction.DELETE))));

        return backend.build(); // validates; throws ValidationException listing every problem
    }
}
