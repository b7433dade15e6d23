package io.amplify4j.samples.shop.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.amplify4j.client.function.FunctionEnvironment;
import io.amplify4j.samples.shop.client.Product;
import io.amplify4j.samples.shop.client.ShopApi;
import io.amplify4j.samples.shop.client.UpdateProductInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nightly restock, run by its schedule (an EventBridge Scheduler event): every product with fewer than
 * {@code RESTOCK_BELOW} in stock is raised to {@code RESTOCK_TO}. Each update goes through the API, so customers
 * subscribed to {@code onInventoryChange} see it live. Answers what it did: {@code {checked, restocked: [sku]}}.
 */
public final class RestockHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        ShopApi api = ShopApiAccess.forInvocation();
        int below = ShopApiAccess.intVariable("RESTOCK_BELOW");
        int restockTo = ShopApiAccess.intVariable("RESTOCK_TO");
        // the supplier's key is a secret: a placeholder in the cloud, resolved here; never logged
        boolean supplierKey = FunctionEnvironment.find("SUPPLIER_API_KEY").filter(k -> !k.isBlank()).isPresent();

        List<Product> low = api.products().listAll(Product.STOCK.lt(below)).stream().toList();
        List<String> restocked = new ArrayList<>();
        for (Product product : low) {
            api.products().update(UpdateProductInput.builder(product.sku()).stock(restockTo).build());
            restocked.add(product.sku());
        }
        context.getLogger().log("restock: " + restocked.size() + " product(s) below " + below + " raised to "
                + restockTo + ": " + restocked);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("below", below);
        result.put("restockTo", restockTo);
        result.put("restocked", restocked);
        result.put("supplierKey", supplierKey);
        return result;
    }
}
