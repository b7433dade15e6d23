package io.amplify4j.client.filter;

/** The order of an index query's results by sort key: AppSync's {@code ModelSortDirection}. */
public enum SortDirection {
    ASC,
    DESC
}
