package io.amplify4j.dsl;

/** A handle on a function of the backend, for handlers, triggers, schedules and access grants. */
public final class FunctionRef implements Handle {
    private final BackendBuilder backend;
    private final String name;

    FunctionRef(BackendBuilder backend, String name) {
        this.backend = backend;
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public BackendBuilder backend() {
        return backend;
    }

    @Override
    public String describe() {
        return "function `" + name + "`";
    }

    @Override
    public String toString() {
        return name;
    }
}
