package io.amplify4j.sandbox.dynamodb;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * DynamoDB's number rules: up to 38 significant digits, magnitudes from 1E-130 to 9.99...E+125, stored without
 * leading or trailing zeros (so {@code 1.0} and {@code 1} are the same number).
 */
final class DynamoNumbers {
    static final int MAX_PRECISION = 38;
    private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN = new BigDecimal("1E-130");

    private DynamoNumbers() {}

    /** Parses DynamoDB number text, applying its range and precision rules. */
    static BigDecimal parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || !trimmed.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw DynamoDbError.validation("A value provided cannot be converted into a number");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(trimmed);
        } catch (NumberFormatException | ArithmeticException e) {
            throw DynamoDbError.validation("A value provided cannot be converted into a number");
        }
        return check(value);
    }

    /** Applies the range and precision rules to a computed number (arithmetic results). */
    static BigDecimal check(BigDecimal value) {
        BigDecimal canonical = canonical(value);
        if (canonical.signum() == 0) {
            return canonical;
        }
        if (canonical.precision() > MAX_PRECISION) {
            throw DynamoDbError.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal magnitude = canonical.abs();
        if (magnitude.compareTo(MAX) > 0) {
            throw DynamoDbError.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(MIN) < 0) {
            throw DynamoDbError.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return canonical;
    }

    /** The canonical form: trailing zeros stripped, zero as plain {@code 0}. */
    static BigDecimal canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return value.stripTrailingZeros();
    }

    /** DynamoDB-style text: plain notation unless the exponent makes it very long. */
    static String toText(BigDecimal value) {
        BigDecimal canonical = canonical(value);
        int scale = canonical.scale();
        if (scale >= -MAX_PRECISION && scale <= MAX_PRECISION + 8) {
            return canonical.toPlainString();
        }
        return canonical.toString();
    }

    /** Significant digits as DynamoDB counts them for item size. */
    static int significantDigits(BigDecimal value) {
        BigDecimal canonical = canonical(value);
        if (canonical.signum() == 0) {
            return 1;
        }
        return canonical.precision();
    }

    /** The plain JSON form: {@code Long} when integral and in range, else {@code BigDecimal}. */
    static Object toJson(BigDecimal value) {
        BigDecimal canonical = canonical(value);
        if (canonical.scale() <= 0) {
            BigInteger integer = canonical.toBigIntegerExact();
            if (integer.bitLength() < 64) {
                return integer.longValue();
            }
        }
        return canonical;
    }
}
