package io.amplify4j.client.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The sort key of an index, for key conditions: {@code eq le lt ge gt between}; text keys add {@code beginsWith}
 * ({@link StringSortKeyField}). Made by the factory for the key's scalar kind.
 *
 * @param <M> the model type
 * @param <V> the Java value type
 */
public class SortKeyField<M, V> {
    private final Class<M> model;
    private final String name;
    private final Function<V, Object> wire;

    SortKeyField(Class<M> model, String name, Function<V, Object> wire) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = Objects.requireNonNull(name, "name");
        this.wire = wire;
    }

    /** A {@code String} or {@code ID} sort key. */
    public static <M> StringSortKeyField<M> string(Class<M> model, String graphqlName) {
        return new StringSortKeyField<>(model, graphqlName);
    }

    /** An {@code Int} sort key. */
    public static <M> SortKeyField<M, Integer> integer(Class<M> model, String graphqlName) {
        return new SortKeyField<>(model, graphqlName, v -> v);
    }

    /** A {@code Float} sort key. */
    public static <M> SortKeyField<M, Double> floating(Class<M> model, String graphqlName) {
        return new SortKeyField<>(model, graphqlName, v -> v);
    }

    /** An {@code AWSDate} sort key. */
    public static <M> SortKeyField<M, LocalDate> date(Class<M> model, String graphqlName) {
        return new SortKeyField<>(model, graphqlName, Json::date);
    }

    /** An {@code AWSTime} sort key. */
    public static <M> SortKeyField<M, LocalTime> time(Class<M> model, String graphqlName) {
        return new SortKeyField<>(model, graphqlName, Json::time);
    }

    /** An {@code AWSDateTime} sort key. */
    public static <M> SortKeyField<M, Instant> dateTime(Class<M> model, String graphqlName) {
        return new SortKeyField<>(model, graphqlName, Json::dateTime);
    }

    /** An {@code AWSTimestamp} sort key. */
    public static <M> SortKeyField<M, Instant> timestamp(Class<M> model, String graphqlName) {
        return new SortKeyField<>(model, graphqlName, Json::epochSeconds);
    }

    /** An enum sort key. */
    public static <M, E extends Enum<E>> SortKeyField<M, E> enumeration(Class<M> model, String graphqlName,
            Class<E> enumType) {
        Objects.requireNonNull(enumType, "enumType");
        return new SortKeyField<>(model, graphqlName, Enum::name);
    }

    public Class<M> model() {
        return model;
    }

    public String name() {
        return name;
    }

    final KeyCondition<M> condition(String operator, Object value) {
        return new KeyCondition<>(name, Json.object(operator, value));
    }

    final Object wire(V value, String operator) {
        return wire.apply(Objects.requireNonNull(value, () -> "`" + name + "." + operator + "` needs a value"));
    }

    public KeyCondition<M> eq(V value) {
        return condition("eq", wire(value, "eq"));
    }

    public KeyCondition<M> le(V value) {
        return condition("le", wire(value, "le"));
    }

    public KeyCondition<M> lt(V value) {
        return condition("lt", wire(value, "lt"));
    }

    public KeyCondition<M> ge(V value) {
        return condition("ge", wire(value, "ge"));
    }

    public KeyCondition<M> gt(V value) {
        return condition("gt", wire(value, "gt"));
    }

    /** Between {@code low} and {@code high}, both included. */
    public KeyCondition<M> between(V low, V high) {
        return condition("between", List.of(wire(low, "between"), wire(high, "between")));
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + name + " (sort key)";
    }
}
