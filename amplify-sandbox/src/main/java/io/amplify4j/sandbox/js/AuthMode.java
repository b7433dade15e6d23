package io.amplify4j.sandbox.js;

/**
 * How a request was authorized, which decides the shape of {@code ctx.identity} and what {@code util.authType()}
 * answers. The strings are the ones AppSync returns (recorded from AppSync's EvaluateCode API).
 */
public enum AuthMode {
    API_KEY("API Key Authorization"),
    USER_POOL("User Pool Authorization"),
    IAM("IAM Authorization"),
    OIDC("Open ID Connect Authorization"),
    LAMBDA("Lambda Authorization");

    private final String authType;

    AuthMode(String authType) {
        this.authType = authType;
    }

    /** What {@code util.authType()} returns for this mode, for example {@code "User Pool Authorization"}. */
    public String authType() {
        return authType;
    }
}
