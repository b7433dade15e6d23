package io.amplify4j.dsl;

import io.amplify4j.model.auth.SecretRef;

/** References to secrets by name; the values live in SSM Parameter Store and are read at deploy or run time. */
public final class Secrets {
    private Secrets() {}

    /** The secret called {@code name}. */
    public static SecretRef secret(String name) {
        return new SecretRef(name);
    }
}
