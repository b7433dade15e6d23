package io.amplify4j.sandbox.dynamodb;

import java.util.List;

/**
 * Where the store writes every change before it becomes visible: the hook for a write-ahead log.
 * {@link #append} is called with the locks of every affected table held, once per operation (a transaction or batch
 * is one call), and before the change is applied in memory; if it throws, nothing changes and the operation fails.
 * After the locks are released, and before the operation returns to its caller, the store calls
 * {@link #awaitDurable()}: a log that only wrote the record in {@code append} forces it to disk there, so writes
 * that waited together share one flush (group commit) without holding the table locks meanwhile.
 */
@FunctionalInterface
public interface Journal {
    /** A journal that keeps nothing: the in-memory default. */
    Journal NONE = mutations -> {};

    void append(List<Mutation> mutations);

    /**
     * Returns once everything this thread appended is durable; called by the store after it released the locks
     * of a write, in the writing thread. If it throws, the operation fails (the change is already visible). The
     * default does nothing: {@link #append} was durable when it returned.
     */
    default void awaitDurable() {}
}
