package io.amplify4j.model.auth;

/** User pool events a function can handle. */
public enum AuthTrigger {
    CREATE_AUTH_CHALLENGE,
    CUSTOM_MESSAGE,
    DEFINE_AUTH_CHALLENGE,
    POST_AUTHENTICATION,
    POST_CONFIRMATION,
    PRE_AUTHENTICATION,
    PRE_SIGN_UP,
    PRE_TOKEN_GENERATION,
    USER_MIGRATION,
    VERIFY_AUTH_CHALLENGE_RESPONSE
}
