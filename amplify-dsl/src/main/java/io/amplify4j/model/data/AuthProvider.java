package io.amplify4j.model.data;

/** Who vouches for a caller, as Amplify's {@code @auth} providers name them. */
public enum AuthProvider {
    API_KEY("apiKey"),
    IDENTITY_POOL("identityPool"),
    USER_POOLS("userPools"),
    OIDC("oidc"),
    FUNCTION("function");

    private final String amplifyName;

    AuthProvider(String amplifyName) {
        this.amplifyName = amplifyName;
    }

    /** The provider's name in Amplify's {@code @auth} directive. */
    public String amplifyName() {
        return amplifyName;
    }
}
