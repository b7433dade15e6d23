package io.amplify4j.dsl;

import io.amplify4j.model.data.ValidatorKind;

/** A field of GraphQL type {@code Int}, with numeric checks. */
public final class IntField extends FieldBuilder<Integer, IntField> {
    IntField(FieldState state) {
        super(state);
    }

    /** The value a create fills in when the caller leaves the field out. */
    public IntField defaultValue(int value) {
        return defaultText(String.valueOf(value));
    }

    /** The value must be greater than {@code bound}. */
    public IntField gt(int bound) {
        return gt(bound, null);
    }

    public IntField gt(int bound, String message) {
        return check(ValidatorKind.GT, bound, message);
    }

    /** The value must be less than {@code bound}. */
    public IntField lt(int bound) {
        return lt(bound, null);
    }

    public IntField lt(int bound, String message) {
        return check(ValidatorKind.LT, bound, message);
    }

    /** The value must be at least {@code bound}. */
    public IntField gte(int bound) {
        return gte(bound, null);
    }

    public IntField gte(int bound, String message) {
        return check(ValidatorKind.GTE, bound, message);
    }

    /** The value must be at most {@code bound}. */
    public IntField lte(int bound) {
        return lte(bound, null);
    }

    public IntField lte(int bound, String message) {
        return check(ValidatorKind.LTE, bound, message);
    }

    /** The value must be greater than zero. */
    public IntField positive() {
        return positive(null);
    }

    public IntField positive(String message) {
        return check(ValidatorKind.GT, 0, message);
    }

    /** The value must be less than zero. */
    public IntField negative() {
        return negative(null);
    }

    public IntField negative(String message) {
        return check(ValidatorKind.LT, 0, message);
    }
}
