package io.amplify4j.samples.shop;

import static io.amplify4j.model.data.ModelOperation.CREATE;
import static io.amplify4j.model.data.ModelOperation.DELETE;
import static io.amplify4j.model.data.ModelOperation.READ;
import static io.amplify4j.model.data.ModelOperation.UPDATE;

import io.amplify4j.dsl.AuthBuilder.MfaMethod;
import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.CustomTypeBuilder;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.DataType;
import io.amplify4j.dsl.DateTimeField;
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

/**
 * The shop: a startup's e-commerce backend and the seed scenario of the README. Email sign-in with an ADMINS
 * group; a catalogue of categories and products that admins manage and anyone reads; orders with items that only
 * their customer (and admins) see; reviews; live inventory updates; product images in storage; a Java function
 * behind a custom query that recommends products, and a scheduled Java function that restocks.
 */
public final class ShopBackend implements BackendDefinition {
    /** Where Maven packages the shop's functions (see this module's pom): the handlers with their dependencies. */
    public static final Path FUNCTIONS_JAR = Path.of("target/shop-functions.jar");

    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("shop").profile(Profile.SANDBOX);

        // Functions: Java handler classes and the jar that holds them (SnapStart on by default).
        FunctionRef recommend = backend.function("recommend", fn -> fn
                .javaHandler("io.amplify4j.samples.shop.functions.RecommendHandler", FUNCTIONS_JAR)
                .memoryMb(1024)
                .timeoutSeconds(10)
                .environment("MAX_RESULTS", "3"));
        FunctionRef restock = backend.function("restock", fn -> fn
                .javaHandler("io.amplify4j.samples.shop.functions.RestockHandler", FUNCTIONS_JAR)
                .timeoutSeconds(60)
                .scheduleCron("0 3 * * *", "Europe/Berlin")
                .environment("RESTOCK_BELOW", "5")
                .environment("RESTOCK_TO", "20")
                .secret("SUPPLIER_API_KEY", Secrets.secret("shop/supplier-api-key")));

        // Auth: email sign-in, optional TOTP, and an admin group as a handle.
        AuthGroup admins = backend.auth()
                .loginWithEmail()
                .multifactor(Multifactor.Mode.OPTIONAL, MfaMethod.TOTP)
                .group("ADMINS");

        // Data: user pools by default, an API key for public reads, IAM for the functions.
        DataBuilder data = backend.data();
        data.authorizationModes(modes -> modes.defaultMode(Mode.USER_POOL).apiKey(30));
        data.authorization(allow -> List.of(
                allow.resource(recommend).to(ResourceOperation.QUERY),
                allow.resource(restock).to(ResourceOperation.QUERY, ResourceOperation.MUTATE)));

        EnumRef<OrderStatus> status = data.enumType(OrderStatus.class); // a Java enum becomes a GraphQL enum
        EnumRef<String> rating = data.enumType("Rating", "ONE", "TWO", "THREE", "FOUR", "FIVE");
        CustomTypeBuilder address = data.customType("Address", t -> {
            t.string("street").required();
            t.string("city").required();
            t.string("country").required().minLength(2).maxLength(2);
        });

        ModelBuilder category = data.model("Category").description("A shelf of the shop.");
        category.string("name").required();
        category.authorization(allow -> List.of(
                allow.publicApiKey().to(READ), allow.authenticated().to(READ), allow.group(admins)));

        ModelBuilder product = data.model("Product").description("Something the shop sells.");
        StringField sku = product.string("sku").required().matches("^[A-Z0-9-]+$", "SKU must be upper case");
        StringField name = product.string("name").required().minLength(1);
        product.floating("price").required().positive();
        product.integer("stock").required().defaultValue(0).gte(0);
        product.string("imageKey").description("The key of the product's image in the media bucket.");
        StringField categoryId = product.id("categoryId").required();
        product.identifier(sku); // handles, not strings
        product.secondaryIndex(categoryId).sortKeys(name).queryField("listProductsByCategory");
        product.belongsTo("category", category, categoryId);
        category.hasMany("products", product, categoryId);
        product.authorization(allow -> List.of(
                allow.publicApiKey().to(READ), allow.authenticated().to(READ), allow.group(admins)));

        ModelBuilder review = data.model("Review").description("What a customer thinks of a product.");
        StringField reviewedSku = review.string("productSku").required();
        review.enumeration("rating", rating).required();
        review.string("text").maxLength(2000);
        review.secondaryIndex(reviewedSku).queryField("listReviewsByProduct");
        review.belongsTo("product", product, reviewedSku);
        product.hasMany("reviews", review, reviewedSku);
        review.authorization(allow -> List.of(
                allow.owner(), allow.publicApiKey().to(READ), allow.authenticated().to(READ)));

        ModelBuilder order = data.model("Order").description("A customer's order.");
        StringField customerId = order.id("customerId").required();
        order.enumeration("status", status).required().defaultValue(OrderStatus.PENDING);
        order.floating("total").required().gte(0);
        order.customType("shippingAddress", address);
        order.identifier(customerId, order.createdAt()); // composite key
        order.authorization(allow -> List.of(allow.owner().to(CREATE, READ), allow.group(admins)));

        ModelBuilder item = data.model("OrderItem").description("One line of an order.");
        StringField itemCustomer = item.id("orderCustomerId").required();
        DateTimeField itemPlacedAt = item.datetime("orderCreatedAt").required();
        item.string("productSku").required();
        item.integer("quantity").required().positive("Order at least one");
        item.belongsTo("order", order, itemCustomer, itemPlacedAt);
        order.hasMany("items", item, itemCustomer, itemPlacedAt);
        item.authorization(allow -> List.of(allow.owner().to(CREATE, READ), allow.group(admins).to(READ, UPDATE, DELETE)));

        // Custom operations: a Java function behind a query, and live inventory for signed-in customers.
        data.query("recommendProducts")
                .description("Products from the same shelf as the given one, best stocked first.")
                .argument("sku", DataType.string().required(), "The product to start from.")
                .returns(DataType.ref(product).required().array().required())
                .handler(recommend)
                .authorization(allow -> List.of(allow.authenticated()));
        data.subscription("onInventoryChange")
                .description("Every change to a product's stock, price or name.")
                .returns(DataType.ref(product))
                .forMutations(product, MutationKind.UPDATE)
                .authorization(allow -> List.of(allow.authenticated(), allow.publicApiKey()));

        // Storage: path rules; {entity_id} is the caller's identity-pool identity.
        backend.storage("media", bucket -> bucket.isDefault()
                .access("products/*", allow -> List.of(
                        allow.guest().to(StorageAction.READ),
                        allow.authenticated().to(StorageAction.READ),
                        allow.groups(admins).to(StorageAction.READ, StorageAction.WRITE, StorageAction.DELETE)))
                .access("uploads/{entity_id}/*", allow -> List.of(
                        allow.entity().to(StorageAction.READ, StorageAction.WRITE, StorageAction.DELETE))));

        return backend.build(); // validates; throws ValidationException listing every problem
    }
}
