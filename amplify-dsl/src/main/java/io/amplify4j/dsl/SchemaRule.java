package io.amplify4j.dsl;

/** A rule the data definition's {@code authorization} accepts: a model rule or a function access grant. */
public interface SchemaRule {}
