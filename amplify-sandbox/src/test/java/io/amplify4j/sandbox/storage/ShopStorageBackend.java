package io.amplify4j.sandbox.storage;

import io.amplify4j.dsl.AuthBuilder;
import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.AuthenticatedProvider;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.FunctionRef;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.model.data.FunctionDataAccess.ResourceOperation;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.model.storage.StorageAction;
import java.nio.file.Path;
import java.util.List;

/**
 * The shop's storage, auth groups and functions exactly as {@link io.amplify4j.fixtures.ShopBackend} defines them
 * (a test asserts the storage plans are equal), with a small data model whose rules admit the IAM callers: guests
 * and signed-in identity-pool identities read notes, the {@code restock} function may query and mutate (as in the
 * shop), {@code recommend} has no grant. The shop itself also needs its functions' code to start.
 */
public final class ShopStorageBackend implements BackendDefinition {
    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("shop");
        FunctionRef recommend = backend.function("recommend", fn -> fn.javaHandler("com.example.shop.RecommendHandler",
                Path.of("target/shop-functions.jar")));
        FunctionRef restock = backend.function("restock", fn -> fn.javaHandler("com.example.shop.RestockHandler",
                Path.of("target/shop-functions.jar")));
        FunctionRef thumbnails = backend.function("thumbnails", fn -> fn.assetHandler(Path.of("functions/thumbnails"),
                "index.handler", io.amplify4j.model.function.FunctionCode.AssetRuntime.NODEJS_22));

        AuthBuilder auth = backend.auth().loginWithEmail();
        AuthGroup admins = auth.group("ADMINS");
        auth.group("SUPPORT");

        DataBuilder data = backend.data();
        data.authorization(allow -> List.of(allow.resource(restock).to(ResourceOperation.QUERY,
                ResourceOperation.MUTATE)));
        ModelBuilder note = data.model("Note");
        note.string("text").required();
        note.authorization(allow -> List.of(
                allow.guest().to(ModelOperation.READ),
                allow.authenticated(AuthenticatedProvider.IDENTITY_POOL).to(ModelOperation.READ, ModelOperation.CREATE),
                allow.group(admins)));
        data.query("recommendNotes").returns(io.amplify4j.dsl.DataType.string()).handler(recommend)
                .authorization(allow -> List.of(allow.authenticated()));

        backend.storage("media", bucket -> bucket
                .isDefault()
                .versioned()
                .corsOrigins("https://shop.example.com")
                .access("products/*", allow -> List.of(
                        allow.guest().to(StorageAction.READ),
                        allow.authenticated().to(StorageAction.READ),
                        allow.groups(admins).to(StorageAction.READ, StorageAction.WRITE, StorageAction.DELETE),
                        allow.resource(thumbnails).to(StorageAction.GET, StorageAction.WRITE)))
                .access("uploads/{entity_id}/*", allow -> List.of(
                        allow.entity().to(StorageAction.READ, StorageAction.WRITE, StorageAction.DELETE),
                        allow.groups(admins).to(StorageAction.READ)))
                .onUpload(thumbnails));
        return backend.build();
    }
}
