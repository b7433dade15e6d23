package io.amplify4j.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects problems during one pass over a definition, so that every problem is reported at once. */
public final class Problems {
    private final List<Problem> problems = new ArrayList<>();

    /** Records a problem at {@code place}. */
    public void add(String place, String message) {
        problems.add(new Problem(place, message));
    }

    /** Records a problem at {@code place} with a message built by {@link String#format}. */
    public void addf(String place, String format, Object... args) {
        add(place, String.format(java.util.Locale.ROOT, format, args));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems so far, in the order they were found, without duplicates. */
    public List<Problem> list() {
        return problems.stream().distinct().toList();
    }

    /** Throws a {@link ValidationException} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ValidationException(list());
        }
    }
}
