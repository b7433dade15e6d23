package io.amplify4j.sandbox.dynamodb;

import java.util.List;

/**
 * Where the store writes every acknowledged change before it becomes visible: the hook for a write-ahead log.
 * {@link #append} is called with the locks of every affected table held, once per operation (a transaction or batch
 * is one call), and before the change is applied in memory; if it throws, nothing changes and the operation fails.
 */
@FunctionalInterface
public interface Journal {
    /** A journal that keeps nothing: the in-memory default. */
    Journal NONE = mutations -> {};

    void append(List<Mutation> mutations);
}
