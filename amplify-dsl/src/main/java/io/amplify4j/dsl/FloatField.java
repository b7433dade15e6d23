package io.amplify4j.dsl;

import io.amplify4j.model.data.ValidatorKind;

/** A field of GraphQL type {@code Float}, with numeric checks. */
public final class FloatField extends FieldBuilder<Double, FloatField> {
    FloatField(FieldState state) {
        super(state);
    }

    /** The value a create fills in when the caller leaves the field out. */
    public FloatField defaultValue(double value) {
        return defaultText(String.valueOf(value));
    }

    /** The value must be greater than {@code bound}. */
    public FloatField gt(double bound) {
        return gt(bound, null);
    }

    public FloatField gt(double bound, String message) {
        return check(ValidatorKind.GT, bound, message);
    }

    /** The value must be less than {@code bound}. */
    public FloatField lt(double bound) {
        return lt(bound, null);
    }

    public FloatField lt(double bound, String message) {
        return check(ValidatorKind.LT, bound, message);
    }

    /** The value must be at least {@code bound}. */
    public FloatField gte(double bound) {
        return gte(bound, null);
    }

    public FloatField gte(double bound, String message) {
        return check(ValidatorKind.GTE, bound, message);
    }

    /** The value must be at most {@code bound}. */
    public FloatField lte(double bound) {
        return lte(bound, null);
    }

    public FloatField lte(double bound, String message) {
        return check(ValidatorKind.LTE, bound, message);
    }

    /** The value must be greater than zero. */
    public FloatField positive() {
        return positive(null);
    }

    public FloatField positive(String message) {
        return check(ValidatorKind.GT, 0, message);
    }

    /** The value must be less than zero. */
    public FloatField negative() {
        return negative(null);
    }

    public FloatField negative(String message) {
        return check(ValidatorKind.LT, 0, message);
    }
}
