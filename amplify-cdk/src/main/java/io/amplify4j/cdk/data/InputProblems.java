package io.amplify4j.cdk.data;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Collects every problem with what the construct was given, so that one failure lists them all. */
final class InputProblems {
    private final String backend;
    private final List<String> problems = new ArrayList<>();

    InputProblems(String backend) {
        this.backend = backend;
    }

    /** A problem at {@code place}: what is wrong and how to fix it. */
    void add(String place, String message) {
        problems.add(place + ": " + message);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("AmplifyData cannot synthesize backend `" + backend + "`:\n"
                    + problems.stream().map(p -> "- " + p).collect(Collectors.joining("\n")));
        }
    }
}
