package io.amplify4j.dsl;

/** A handle on a user pool group declared in auth; data and storage rules take it instead of a repeated name. */
public final class AuthGroup {
    private final String name;

    AuthGroup(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
