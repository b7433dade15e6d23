package io.amplify4j.codegen;

import com.palantir.javapoet.CodeBlock;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.FieldValidator;
import io.amplify4j.model.data.ScalarType;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The definition's value checks as generated Java, so an input's {@code build()} reports what the API would
 * refuse before it is sent. Each check adds a message to a {@code problems} list rather than throwing, so that
 * every problem is reported at once.
 */
final class Checks {
    private Checks() {}

    /** The checks of a field on variable {@code variable}; nothing for fields without validators. */
    static CodeBlock of(Optional<FieldDefinition> definition, String graphqlName, String variable) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (definition.isEmpty() || definition.get().type().list()) {
            return code.build();
        }
        FieldType type = definition.get().type();
        boolean text = type.scalar().filter(ScalarType::isText).isPresent();
        boolean number = type.scalar().filter(s -> s == ScalarType.INT || s == ScalarType.FLOAT).isPresent();
        for (FieldValidator validator : definition.get().validators()) {
            String operand = validator.operand();
            String condition;
            String message;
            Object[] args;
            if (text && !validator.kind().isNumeric()) {
                switch (validator.kind()) {
                    case MIN_LENGTH -> {
                        condition = "$N.length() < $L";
                        message = "must be at least " + operand + " characters long";
                        args = new Object[] {variable, Integer.parseInt(operand)};
                    }
                    case MAX_LENGTH -> {
                        condition = "$N.length() > $L";
                        message = "must be at most " + operand + " characters long";
                        args = new Object[] {variable, Integer.parseInt(operand)};
                    }
                    case STARTS_WITH -> {
                        condition = "!$N.startsWith($S)";
                        message = "must start with \"" + operand + "\"";
                        args = new Object[] {variable, operand};
                    }
                    case ENDS_WITH -> {
                        condition = "!$N.endsWith($S)";
                        message = "must end with \"" + operand + "\"";
                        args = new Object[] {variable, operand};
                    }
                    default -> {
                        condition = "!$T.compile($S).matcher($N).find()";
                        message = "must match " + operand;
                        args = new Object[] {Pattern.class, operand, variable};
                    }
                }
            } else if (number && validator.kind().isNumeric()) {
                String op = switch (validator.kind()) {
                    case GT -> "<=";
                    case LT -> ">=";
                    case GTE -> "<";
                    default -> ">";
                };
                String words = switch (validator.kind()) {
                    case GT -> "greater than ";
                    case LT -> "less than ";
                    case GTE -> "at least ";
                    default -> "at most ";
                };
                condition = "$N.doubleValue() " + op + " $L";
                message = "must be " + words + operand;
                args = new Object[] {variable, Double.parseDouble(operand) + "d"};
            } else {
                continue;
            }
            code.beginControlFlow("if ($N != null && $L)", variable, CodeBlock.of(condition, args))
                    .addStatement("problems.add($S)", graphqlName + ": " + validator.message().orElse(message))
                    .endControlFlow();
        }
        return code.build();
    }
}
