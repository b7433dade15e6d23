package io.amplify4j.model.auth;

import java.util.Objects;

/**
 * A secret referenced by name; its value lives in SSM Parameter Store or Secrets Manager and is read at deploy
 * or run time, never written into a template or an environment variable.
 */
public record SecretRef(String name) {
    public SecretRef {
        Objects.requireNonNull(name, "name");
    }
}
