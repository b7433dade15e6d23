package io.amplify4j.validate;

import io.amplify4j.model.BackendModel;

/**
 * Checks a whole backend model in one pass and reports every problem at once.
 * The DSL runs it in {@code build()}; anything that constructs a {@link BackendModel} by hand can run it too.
 */
public final class BackendValidator {
    private BackendValidator() {}

    /** Every problem in the model; empty when it is valid. */
    public static java.util.List<Problem> problems(BackendModel model) {
        Problems problems = new Problems();
        check(model, problems);
        return problems.list();
    }

    /** Adds every problem in the model to {@code problems}. */
    public static void check(BackendModel model, Problems problems) {
        // Category validators are added here, each reporting into the same collector.
    }
}
