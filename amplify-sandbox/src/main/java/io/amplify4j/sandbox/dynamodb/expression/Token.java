package io.amplify4j.sandbox.dynamodb.expression;

/** One token of an expression, with its place in the source text. */
record Token(Kind kind, String text, int start, int end) {
    enum Kind {
        IDENTIFIER, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, INTEGER,
        DOT, LBRACKET, RBRACKET, LPAREN, RPAREN, COMMA,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS, EOF
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
