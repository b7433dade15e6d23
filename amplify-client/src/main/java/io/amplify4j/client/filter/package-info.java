/**
 * Typed filters, conditions, subscription filters and key conditions. Field constants generated on each model
 * ({@code Todo.DONE}, an {@link io.amplify4j.client.filter.BooleanField}) offer only the operators AppSync accepts for
 * the field's kind, and every predicate is typed by its model, so misuse does not compile.
 */
package io.amplify4j.client.filter;
