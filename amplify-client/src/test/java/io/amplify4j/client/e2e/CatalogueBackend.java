package io.amplify4j.client.e2e;

import static io.amplify4j.model.data.ModelOperation.READ;

import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.StringField;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.AuthorizationModes.Mode;
import java.util.List;

/**
 * The Shop fixture's catalogue, on its own: the Shop fixture also declares functions and a custom JS handler the
 * sandbox needs their code for. Category and Product as there: a custom identifier, AWSJSON, a secondary index with
 * a sort key, ADMINS write, signed-in users and the API key read.
 */
public final class CatalogueBackend implements BackendDefinition {
    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("catalogue");
        AuthGroup admins = backend.auth().loginWithEmail().group("ADMINS");
        DataBuilder data = backend.data();
        data.authorizationModes(modes -> modes.defaultMode(Mode.USER_POOL).apiKey(30));

        ModelBuilder category = data.model("Category");
        category.string("name").required();
        category.authorization(allow -> List.of(allow.publicApiKey().to(READ), allow.authenticated().to(READ),
                allow.group(admins)));

        ModelBuilder product = data.model("Product");
        StringField sku = product.string("sku").required();
        StringField name = product.string("name").required();
        product.floating("price").required();
        product.integer("stock").required().defaultValue(0);
        StringField categoryId = product.id("categoryId").required();
        product.json("attributes");
        product.string("tags").array();
        product.identifier(sku);
        product.secondaryIndex(categoryId).sortKeys(name).queryField("listProductsByCategory");
        product.authorization(allow -> List.of(allow.publicApiKey().to(READ), allow.authenticated().to(READ),
                allow.group(admins)));
        return backend.build();
    }
}
