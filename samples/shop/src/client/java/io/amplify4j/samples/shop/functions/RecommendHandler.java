package io.amplify4j.samples.shop.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.amplify4j.samples.shop.client.Product;
import io.amplify4j.samples.shop.client.ShopApi;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The resolver of query {@code recommendProducts(sku)}: the other products of the given product's category, best
 * stocked first (then by name), at most {@code MAX_RESULTS}. An unknown SKU has no recommendations.
 *
 * <p>The event is AppSync's direct Lambda resolver event ({@code arguments}, {@code identity}, ...); the answer is
 * the list of products as JSON objects, which AppSync returns as {@code [Product!]!}.
 */
public final class RecommendHandler implements RequestHandler<Map<String, Object>, List<Map<String, Object>>> {
    @Override
    public List<Map<String, Object>> handleRequest(Map<String, Object> event, Context context) {
        ShopApi api = ShopApiAccess.forInvocation();
        int maxResults = ShopApiAccess.intVariable("MAX_RESULTS");
        String sku = sku(event);
        Product product = api.products().get(sku).orElse(null);
        if (product == null) {
            context.getLogger().log("recommend: no product " + sku);
            return List.of();
        }
        List<Product> recommended = api.products()
                .listProductsByCategoryAll(product.categoryId(), null, null, Product.SKU.ne(sku))
                .stream()
                .sorted(Comparator.comparing((Product p) -> p.stock() == null ? 0 : p.stock()).reversed()
                        .thenComparing(Product::name))
                .limit(maxResults)
                .toList();
        context.getLogger().log("recommend: " + recommended.size() + " product(s) for " + sku);
        return recommended.stream().map(p -> toJson(api, p)).toList();
    }

    @SuppressWarnings("unchecked")
    private static String sku(Map<String, Object> event) {
        Object arguments = event.get("arguments");
        Object sku = arguments instanceof Map<?, ?> map ? ((Map<String, Object>) map).get("sku") : null;
        if (!(sku instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("recommendProducts needs the argument `sku`; the event has arguments "
                    + arguments + ".");
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toJson(ShopApi api, Product product) {
        // the client's mapper writes AWS scalars (AWSDateTime) as AppSync expects them
        return api.graphql().objectMapper().convertValue(product, Map.class);
    }
}
