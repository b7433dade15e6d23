package io.amplify4j.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Collections;
import java.util.SortedMap;

/**
 * Helpers the model's canonical constructors use so that every record is immutable and has one
 * canonical form: collections are copied, and collections without a natural order are sorted, so
 * that equal definitions render byte-identical artifacts.
 */
public final class Canonical {
    private Canonical() {}

    /** An immutable copy of {@code values}, null treated as empty. */
    public static <T> List<T> list(Collection<? extends T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** An immutable, sorted, duplicate-free copy of a collection of enum constants (their declaration order). */
    public static <E extends Enum<E>> List<E> enumSet(Collection<E> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().distinct().sorted(Comparator.comparingInt(Enum::ordinal)).toList();
    }

    /** An immutable, sorted, duplicate-free copy of strings. */
    public static List<String> sortedStrings(Collection<String> values) {
        return values == null ? List.of() : values.stream().distinct().sorted().toList();
    }

    /** An immutable map sorted by key. */
    public static <V> SortedMap<String, V> sortedMap(Map<String, V> values) {
        TreeMap<String, V> copy = new TreeMap<>();
        if (values != null) {
            values.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
