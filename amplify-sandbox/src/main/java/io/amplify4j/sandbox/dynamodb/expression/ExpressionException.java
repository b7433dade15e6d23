package io.amplify4j.sandbox.dynamodb.expression;

/**
 * A problem with an expression, worded as DynamoDB words it. The data source reports it as
 * {@code DynamoDB:ValidationException}.
 */
public final class ExpressionException extends RuntimeException {
    ExpressionException(String message) {
        super(message, null, false, false);
    }

    /** {@code Invalid <kind>: <detail>}, DynamoDB's prefix for expression errors. */
    static ExpressionException invalid(String kind, String detail) {
        return new ExpressionException("Invalid " + kind + ": " + detail);
    }

    static ExpressionException invalidCharacter(String kind, char c, int at) {
        return invalid(kind, "Invalid character encountered; character: \"" + c + "\", position: " + (at + 1));
    }
}
