package io.amplify4j.model;

/**
 * How much a deployment protects its stateful resources.
 *
 * <p>{@link #SANDBOX} destroys tables, the user pool and buckets with the stack and turns deletion
 * protection off, for throw-away environments. {@link #PRODUCTION} retains them and turns deletion
 * protection on for tables, the user pool and buckets.
 */
public enum Profile {
    SANDBOX,
    PRODUCTION
}
