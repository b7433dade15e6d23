package io.amplify4j.model.data;

/** Operations a model can switch off: coarse groups or single operations. A coarse entry wins over fine ones. */
public enum DisabledOperation {
    QUERIES,
    MUTATIONS,
    SUBSCRIPTIONS,
    GET,
    LIST,
    CREATE,
    UPDATE,
    DELETE,
    ON_CREATE,
    ON_UPDATE,
    ON_DELETE
}
