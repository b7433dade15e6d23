package io.amplify4j.validate;

import java.util.Objects;

/**
 * One thing wrong with a definition: where it is, what is wrong and how to fix it.
 *
 * @param place a dotted path into the definition, for example {@code data.Todo.fields.owner}
 * @param message what is wrong and how to fix it, as one or two sentences
 */
public record Problem(String place, String message) implements Comparable<Problem> {
    public Problem {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Problem other) {
        int byPlace = place.compareTo(other.place);
        return byPlace != 0 ? byPlace : message.compareTo(other.message);
    }

    @Override
    public String toString() {
        return place + ": " + message;
    }
}
