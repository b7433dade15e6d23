package io.amplify4j.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list query: AppSync's {@code Model<Type>Connection}. A page may be empty and still have a next
 * token, because AppSync applies a filter after reading {@code limit} items; {@link Pages#iterate} keeps going.
 *
 * @param items the items of this page (null entries, which AppSync returns for items the caller may not read, are
 *     left out)
 * @param nextToken where the next page starts; absent on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> nextToken) {
    public Page {
        items = items.stream().filter(Objects::nonNull).toList();
        Objects.requireNonNull(nextToken, "nextToken");
    }

    /** Reads a connection object: {@code {"items": [...], "nextToken": "..." | null}}. */
    @JsonCreator
    static <T> Page<T> fromJson(@JsonProperty("items") List<T> items, @JsonProperty("nextToken") String nextToken) {
        return new Page<>(items == null ? List.of() : items, Optional.ofNullable(nextToken));
    }

    /** A page with these items and no next page. */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    /** True when there is a next page. */
    public boolean hasNext() {
        return nextToken.isPresent();
    }
}
