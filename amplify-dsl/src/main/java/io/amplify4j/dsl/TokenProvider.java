package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthProvider;

/** Where owner and group rules read the caller's identity from: the user pool's tokens or an OIDC provider's. */
public enum TokenProvider {
    USER_POOLS(AuthProvider.USER_POOLS),
    OIDC(AuthProvider.OIDC);

    private final AuthProvider provider;

    TokenProvider(AuthProvider provider) {
        this.provider = provider;
    }

    AuthProvider toModel() {
        return provider;
    }
}
