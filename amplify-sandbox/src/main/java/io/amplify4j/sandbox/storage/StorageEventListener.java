package io.amplify4j.sandbox.storage;

/**
 * Receives the sandbox's storage events, for example to run the definition's {@code onUpload} and {@code onDelete}
 * functions ({@link StorageEvent#function()} names them). Called on the request's thread after the change is stored and before the response is sent; an
 * exception is logged and never fails the request (as in S3, where notifications are asynchronous to the write).
 */
public interface StorageEventListener {

    /** An object was created or replaced. */
    default void onUpload(StorageEvent event) {}

    /** An object was removed. */
    default void onDelete(StorageEvent event) {}
}
