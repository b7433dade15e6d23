package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthProvider;

/** Which signed-in callers an {@code authenticated} rule admits. */
public enum AuthenticatedProvider {
    /** Callers with a valid user pool token. */
    USER_POOLS(AuthProvider.USER_POOLS),
    /** Authenticated identities of the identity pool (IAM). */
    IDENTITY_POOL(AuthProvider.IDENTITY_POOL),
    /** Callers with a valid token of the configured OIDC provider. */
    OIDC(AuthProvider.OIDC);

    private final AuthProvider provider;

    AuthenticatedProvider(AuthProvider provider) {
        this.provider = provider;
    }

    AuthProvider toModel() {
        return provider;
    }
}
