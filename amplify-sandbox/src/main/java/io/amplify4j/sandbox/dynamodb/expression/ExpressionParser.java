package io.amplify4j.sandbox.dynamodb.expression;

import io.amplify4j.sandbox.dynamodb.AttributeValue;
import io.amplify4j.sandbox.dynamodb.expression.Condition.Comparator;
import io.amplify4j.sandbox.dynamodb.expression.UpdateExpression.ValueExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for DynamoDB's expression languages. Placeholders are resolved while parsing
 * ({@code #name} to the attribute name, {@code :value} to the value); bare names that are reserved words are
 * rejected.
 *
 * <p>Condition grammar, loosest binding first: {@code OR}, {@code AND}, {@code NOT}, then comparisons
 * ({@code = <> < <= > >=}), {@code BETWEEN}, {@code IN}, functions and parentheses.
 */
public final class ExpressionParser {
    public static final String CONDITION = "ConditionExpression";
    public static final String FILTER = "FilterExpression";
    public static final String KEY_CONDITION = "KeyConditionExpression";
    public static final String UPDATE = "UpdateExpression";
    public static final String PROJECTION = "ProjectionExpression";

    static final Set<String> BOOLEAN_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    static final Set<String> VALID_TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");
    private static final int MAX_IN_OPERANDS = 100;

    private final String source;
    private final String kind;
    private final ExpressionAttributes attributes;
    private final List<Token> tokens;
    private int position;

    private ExpressionParser(String source, String kind, ExpressionAttributes attributes) {
        this.source = source;
        this.kind = kind;
        this.attributes = attributes;
        if (source.isBlank()) {
            throw ExpressionException.invalid(kind, "The expression can not be empty;");
        }
        this.tokens = Tokenizer.tokenize(source, kind);
    }

    /** Parses a condition, filter or key condition expression ({@code kind} names it in messages). */
    public static Condition parseCondition(String source, String kind, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser(source, kind, attributes);
        Condition condition = parser.orCondition();
        parser.expect(Token.Kind.EOF);
        return condition;
    }

    /** Parses an update expression. */
    public static UpdateExpression parseUpdate(String source, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser(source, UPDATE, attributes);
        return parser.update();
    }

    /** Parses a projection expression: comma-separated document paths. */
    public static List<Path> parseProjection(String source, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser(source, PROJECTION, attributes);
        List<Path> paths = new ArrayList<>();
        paths.add(parser.path());
        while (parser.accept(Token.Kind.COMMA)) {
            paths.add(parser.path());
        }
        parser.expect(Token.Kind.EOF);
        checkOverlaps(PROJECTION, paths);
        return paths;
    }

    // ------------------------------------------------------------------------------------------ conditions

    private Condition orCondition() {
        Condition left = andCondition();
        while (peek().isKeyword("OR")) {
            next();
            left = new Condition.Or(left, andCondition());
        }
        return left;
    }

    private Condition andCondition() {
        Condition left = notCondition();
        while (peek().isKeyword("AND")) {
            next();
            left = new Condition.And(left, notCondition());
        }
        return left;
    }

    private Condition notCondition() {
        if (peek().isKeyword("NOT")) {
            next();
            return new Condition.Not(notCondition());
        }
        return primaryCondition();
    }

    private Condition primaryCondition() {
        Token token = peek();
        if (token.kind() == Token.Kind.LPAREN) {
            next();
            Condition inner = orCondition();
            expect(Token.Kind.RPAREN);
            return inner;
        }
        if (token.kind() == Token.Kind.IDENTIFIER && peekAt(1).kind() == Token.Kind.LPAREN) {
            String name = token.text();
            if (BOOLEAN_FUNCTIONS.contains(name)) {
                next();
                return booleanFunction(name);
            }
            if (!name.equals("size")) {
                throw ExpressionException.invalid(kind, "Invalid function name; function: " + name);
            }
        }
        Operand left = operand();
        Token operator = peek();
        if (operator.isKeyword("BETWEEN")) {
            next();
            Operand lower = operand();
            Token and = peek();
            if (!and.isKeyword("AND")) {
                throw syntaxError(and);
            }
            next();
            Operand upper = operand();
            checkBetweenBounds(lower, upper);
            return new Condition.Between(left, lower, upper);
        }
        if (operator.isKeyword("IN")) {
            next();
            expect(Token.Kind.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (accept(Token.Kind.COMMA)) {
                candidates.add(operand());
            }
            expect(Token.Kind.RPAREN);
            if (candidates.size() > MAX_IN_OPERANDS) {
                throw ExpressionException.invalid(kind, "Too many operands for the IN operator; number of operands: "
                        + candidates.size());
            }
            return new Condition.In(left, candidates);
        }
        Comparator comparator = switch (operator.kind()) {
            case EQ -> Comparator.EQ;
            case NE -> Comparator.NE;
            case LT -> Comparator.LT;
            case LE -> Comparator.LE;
            case GT -> Comparator.GT;
            case GE -> Comparator.GE;
            default -> throw syntaxError(operator);
        };
        next();
        Operand right = operand();
        return new Condition.Compare(left, comparator, right);
    }

    private void checkBetweenBounds(Operand lower, Operand upper) {
        if (lower instanceof Operand.Value low && upper instanceof Operand.Value high
                && ConditionEvaluator.comparable(low.value(), high.value())
                && ConditionEvaluator.compare(low.value(), high.value()) > 0) {
            throw ExpressionException.invalid(kind, "The BETWEEN operator requires upper bound to be greater than or"
                    + " equal to lower bound; lower bound operand: AttributeValue: {" + describe(low.value())
                    + "}, upper bound operand: AttributeValue: {" + describe(high.value()) + "}");
        }
    }

    private static String describe(AttributeValue value) {
        if (value instanceof AttributeValue.N n) {
            return "N:" + n.text();
        } else if (value instanceof AttributeValue.S s) {
            return "S:" + s.value();
        } else if (value instanceof AttributeValue.B b) {
            return "B:" + b.base64();
        }
        return value.type();
    }

    private Condition booleanFunction(String name) {
        expect(Token.Kind.LPAREN);
        List<Operand> arguments = new ArrayList<>();
        arguments.add(operand());
        while (accept(Token.Kind.COMMA)) {
            arguments.add(operand());
        }
        expect(Token.Kind.RPAREN);
        int expected = name.startsWith("attribute_") && !name.equals("attribute_type") ? 1 : 2;
        if (arguments.size() != expected) {
            throw ExpressionException.invalid(kind, "Incorrect number of operands for operator or function; "
                    + "operator or function: " + name + ", number of operands: " + arguments.size());
        }
        if (!(arguments.get(0) instanceof Operand.PathOperand)) {
            throw ExpressionException.invalid(kind, "Operator or function requires a document path; "
                    + "operator or function: " + name);
        }
        if (name.equals("attribute_type")) {
            if (!(arguments.get(1) instanceof Operand.Value v) || !(v.value() instanceof AttributeValue.S type)) {
                throw ExpressionException.invalid(kind, "Incorrect operand type for operator or function; "
                        + "operator or function: attribute_type, operand type: " + operandType(arguments.get(1)));
            }
            if (!VALID_TYPES.contains(type.value())) {
                throw ExpressionException.invalid(kind, "Invalid attribute type name found; type: " + type.value()
                        + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
            }
        }
        if (name.equals("begins_with") && arguments.get(1) instanceof Operand.Value v
                && !(v.value() instanceof AttributeValue.S) && !(v.value() instanceof AttributeValue.B)) {
            throw ExpressionException.invalid(kind, "Incorrect operand type for operator or function; "
                    + "operator or function: begins_with, operand type: " + v.value().type());
        }
        return new Condition.Function(name, arguments);
    }

    private static String operandType(Operand operand) {
        if (operand instanceof Operand.Value v) {
            return v.value().type();
        }
        return operand instanceof Operand.Size ? "N" : "PATH";
    }

    private Operand operand() {
        Token token = peek();
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            next();
            return new Operand.Value(token.text(), attributes.value(token.text(), kind));
        }
        if (token.kind() == Token.Kind.IDENTIFIER && peekAt(1).kind() == Token.Kind.LPAREN) {
            if (!token.text().equals("size")) {
                if (BOOLEAN_FUNCTIONS.contains(token.text())) {
                    throw ExpressionException.invalid(kind, "The function is not allowed to be used this way in an"
                            + " expression; function: " + token.text());
                }
                throw ExpressionException.invalid(kind, "Invalid function name; function: " + token.text());
            }
            next();
            expect(Token.Kind.LPAREN);
            Token argument = peek();
            if (argument.kind() == Token.Kind.VALUE_PLACEHOLDER) {
                throw ExpressionException.invalid(kind, "Operator or function requires a document path; "
                        + "operator or function: size");
            }
            Path path = path();
            expect(Token.Kind.RPAREN);
            return new Operand.Size(path);
        }
        return new Operand.PathOperand(path());
    }

    // ------------------------------------------------------------------------------------------ paths

    Path path() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (accept(Token.Kind.DOT)) {
                elements.add(pathName());
            } else if (peek().kind() == Token.Kind.LBRACKET) {
                next();
                Token index = peek();
                if (index.kind() != Token.Kind.INTEGER) {
                    throw syntaxError(index);
                }
                next();
                try {
                    elements.add(Integer.parseInt(index.text()));
                } catch (NumberFormatException e) {
                    throw ExpressionException.invalid(kind, "List index is too large; index: " + index.text());
                }
                expect(Token.Kind.RBRACKET);
            } else {
                return new Path(elements);
            }
        }
    }

    private String pathName() {
        Token token = peek();
        if (token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            next();
            return attributes.name(token.text(), kind);
        }
        if (token.kind() == Token.Kind.IDENTIFIER) {
            next();
            if (ReservedWords.isReserved(token.text())) {
                throw ExpressionException.invalid(kind, "Attribute name is a reserved keyword; reserved keyword: "
                        + token.text());
            }
            return token.text();
        }
        throw syntaxError(token);
    }

    // ------------------------------------------------------------------------------------------ updates

    private UpdateExpression update() {
        List<UpdateExpression.SetAction> sets = new ArrayList<>();
        List<Path> removes = new ArrayList<>();
        List<UpdateExpression.AddAction> adds = new ArrayList<>();
        List<UpdateExpression.DeleteAction> deletes = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        while (peek().kind() != Token.Kind.EOF) {
            Token clause = peek();
            String keyword = clause.kind() == Token.Kind.IDENTIFIER ? clause.text().toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(keyword)) {
                throw syntaxError(clause);
            }
            next();
            if (!seen.add(keyword)) {
                throw ExpressionException.invalid(kind, "The \"" + keyword
                        + "\" section can only be used once in an update expression;");
            }
            do {
                switch (keyword) {
                    case "SET" -> {
                        Path path = path();
                        expect(Token.Kind.EQ);
                        sets.add(new UpdateExpression.SetAction(path, setValue()));
                    }
                    case "REMOVE" -> removes.add(path());
                    case "ADD" -> {
                        Path path = path();
                        adds.add(new UpdateExpression.AddAction(path, clauseValue("ADD")));
                    }
                    default -> {
                        Path path = path();
                        deletes.add(new UpdateExpression.DeleteAction(path, clauseValue("DELETE")));
                    }
                }
            } while (accept(Token.Kind.COMMA));
        }
        if (seen.isEmpty()) {
            throw syntaxError(peek());
        }
        UpdateExpression update = new UpdateExpression(sets, removes, adds, deletes);
        checkOverlaps(kind, update.targets());
        return update;
    }

    private AttributeValue clauseValue(String action) {
        Token token = peek();
        if (token.kind() != Token.Kind.VALUE_PLACEHOLDER) {
            throw syntaxError(token);
        }
        next();
        AttributeValue value = attributes.value(token.text(), kind);
        boolean ok = action.equals("ADD")
                ? value instanceof AttributeValue.N || isSet(value)
                : isSet(value);
        if (!ok) {
            throw ExpressionException.invalid(kind, "Incorrect operand type for operator or function; operator: "
                    + action + ", operand type: " + longTypeName(value));
        }
        return value;
    }

    private static boolean isSet(AttributeValue value) {
        return value instanceof AttributeValue.SS || value instanceof AttributeValue.NS
                || value instanceof AttributeValue.BS;
    }

    /** DynamoDB's long type names used in update expression messages. */
    static String longTypeName(AttributeValue value) {
        return switch (value.type()) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "NULL" -> "NULL";
            case "M" -> "MAP";
            case "L" -> "LIST";
            case "SS" -> "STRING SET";
            case "NS" -> "NUMBER SET";
            default -> "BINARY SET";
        };
    }

    private ValueExpression setValue() {
        ValueExpression left = setOperand();
        if (peek().kind() == Token.Kind.PLUS) {
            next();
            return new ValueExpression.Plus(left, setOperand());
        }
        if (peek().kind() == Token.Kind.MINUS) {
            next();
            return new ValueExpression.Minus(left, setOperand());
        }
        return left;
    }

    private ValueExpression setOperand() {
        Token token = peek();
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            next();
            return new ValueExpression.Literal(attributes.value(token.text(), kind));
        }
        if (token.kind() == Token.Kind.IDENTIFIER && peekAt(1).kind() == Token.Kind.LPAREN) {
            String name = token.text();
            next();
            expect(Token.Kind.LPAREN);
            if (name.equals("if_not_exists")) {
                Path path = path();
                expect(Token.Kind.COMMA);
                ValueExpression fallback = setOperand();
                expect(Token.Kind.RPAREN);
                return new ValueExpression.IfNotExists(path, fallback);
            }
            if (name.equals("list_append")) {
                ValueExpression first = setOperand();
                expect(Token.Kind.COMMA);
                ValueExpression second = setOperand();
                expect(Token.Kind.RPAREN);
                return new ValueExpression.ListAppend(first, second);
            }
            if (BOOLEAN_FUNCTIONS.contains(name) || name.equals("size")) {
                throw ExpressionException.invalid(kind, "The function is not allowed in an update expression; "
                        + "function: " + name);
            }
            throw ExpressionException.invalid(kind, "Invalid function name; function: " + name);
        }
        return new ValueExpression.PathValue(path());
    }

    static void checkOverlaps(String kind, List<Path> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw ExpressionException.invalid(kind, "Two document paths overlap with each other; must remove"
                            + " or rewrite one of these paths; path one: " + paths.get(i) + ", path two: "
                            + paths.get(j));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ tokens

    private Token peek() {
        return tokens.get(position);
    }

    private Token peekAt(int offset) {
        return tokens.get(Math.min(position + offset, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.EOF) {
            position++;
        }
        return token;
    }

    private boolean accept(Token.Kind tokenKind) {
        if (peek().kind() == tokenKind) {
            next();
            return true;
        }
        return false;
    }

    private void expect(Token.Kind tokenKind) {
        if (!accept(tokenKind)) {
            throw syntaxError(peek());
        }
    }

    /** A syntax error at {@code token}; "near" quotes the source from two tokens before it to one after it. */
    private ExpressionException syntaxError(Token token) {
        int index = tokens.indexOf(token);
        int from = Math.max(0, index - 2);
        int to = Math.min(index + 1, tokens.size() - 1);
        while (to > from && tokens.get(to).kind() == Token.Kind.EOF) {
            to--;
        }
        String near = source.substring(tokens.get(from).start(), Math.max(tokens.get(to).end(),
                tokens.get(from).start()));
        return ExpressionException.invalid(kind, "Syntax error; token: \"" + token.display() + "\", near: \""
                + near + "\"");
    }
}
