package io.amplify4j.sandbox.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; an unknown character is a syntax error, as in DynamoDB. */
final class Tokenizer {
    private Tokenizer() {}

    static List<Token> tokenize(String source, String kind) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '#' || c == ':') {
                i++;
                while (i < n && isWordChar(source.charAt(i))) {
                    i++;
                }
                if (i == start + 1) {
                    throw ExpressionException.invalid(kind, "Syntax error; token: \"" + c + "\", near: \""
                            + source.substring(Math.max(0, start - 8), Math.min(source.length(), start + 8)).strip()
                            + "\"");
                }
                tokens.add(new Token(c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER,
                        source.substring(start, i), start, i));
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.INTEGER, source.substring(start, i), start, i));
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                while (i < n && isWordChar(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.IDENTIFIER, source.substring(start, i), start, i));
                continue;
            }
            Token.Kind single = switch (c) {
                case '.' -> Token.Kind.DOT;
                case '[' -> Token.Kind.LBRACKET;
                case ']' -> Token.Kind.RBRACKET;
                case '(' -> Token.Kind.LPAREN;
                case ')' -> Token.Kind.RPAREN;
                case ',' -> Token.Kind.COMMA;
                case '=' -> Token.Kind.EQ;
                case '+' -> Token.Kind.PLUS;
                case '-' -> Token.Kind.MINUS;
                default -> null;
            };
            if (single != null) {
                i++;
                tokens.add(new Token(single, source.substring(start, i), start, i));
                continue;
            }
            if (c == '<') {
                if (i + 1 < n && source.charAt(i + 1) == '>') {
                    i += 2;
                    tokens.add(new Token(Token.Kind.NE, "<>", start, i));
                } else if (i + 1 < n && source.charAt(i + 1) == '=') {
                    i += 2;
                    tokens.add(new Token(Token.Kind.LE, "<=", start, i));
                } else {
                    i++;
                    tokens.add(new Token(Token.Kind.LT, "<", start, i));
                }
                continue;
            }
            if (c == '>') {
                if (i + 1 < n && source.charAt(i + 1) == '=') {
                    i += 2;
                    tokens.add(new Token(Token.Kind.GE, ">=", start, i));
                } else {
                    i++;
                    tokens.add(new Token(Token.Kind.GT, ">", start, i));
                }
                continue;
            }
            throw ExpressionException.invalidCharacter(kind, c, start);
        }
        tokens.add(new Token(Token.Kind.EOF, "", n, n));
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
