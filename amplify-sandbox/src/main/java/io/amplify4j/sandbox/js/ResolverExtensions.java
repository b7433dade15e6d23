package io.amplify4j.sandbox.js;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the resolver asked of AppSync through {@code extensions}, for the caller to act on.
 *
 * @param subscriptionFilter the last {@code extensions.setSubscriptionFilter} argument ({@code {filterGroup: [...]}})
 * @param subscriptionInvalidationFilter the last {@code extensions.setSubscriptionInvalidationFilter} argument
 * @param invalidations each {@code extensions.invalidateSubscriptions} argument
 *     ({@code {subscriptionField, payload}}), in call order, duplicates dropped
 * @param cacheEvictions each {@code extensions.evictFromApiCache} call as {@code {typeName, fieldName, keys}}
 */
public record ResolverExtensions(
        Optional<Map<String, Object>> subscriptionFilter,
        Optional<Map<String, Object>> subscriptionInvalidationFilter,
        List<Map<String, Object>> invalidations,
        List<Map<String, Object>> cacheEvictions) {
    public static final ResolverExtensions NONE =
            new ResolverExtensions(Optional.empty(), Optional.empty(), List.of(), List.of());

    public ResolverExtensions {
        Objects.requireNonNull(subscriptionFilter, "subscriptionFilter");
        Objects.requireNonNull(subscriptionInvalidationFilter, "subscriptionInvalidationFilter");
        invalidations = List.copyOf(invalidations);
        cacheEvictions = List.copyOf(cacheEvictions);
    }
}
