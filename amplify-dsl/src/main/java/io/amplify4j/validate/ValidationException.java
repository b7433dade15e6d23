package io.amplify4j.validate;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a definition has problems; carries every one of them. */
public final class ValidationException extends RuntimeException {
    private final transient List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        String noun = problems.size() == 1 ? "problem" : "problems";
        return "The backend definition has " + problems.size() + " " + noun + ":\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
