/**
 * The plan: everything derived from a validated {@link io.amplify4j.model.BackendModel}, derived once.
 *
 * <p>{@link io.amplify4j.plan.BackendPlan#of(io.amplify4j.model.BackendModel)} is the entry point.
 * {@link io.amplify4j.plan.Names} computes every generated name; {@link io.amplify4j.plan.ModelPlan} holds the
 * per-model derivations (fields in SDL order, keys, effective rules, operations, indexes, relationships);
 * {@link io.amplify4j.plan.TablePlan} the DynamoDB tables; {@link io.amplify4j.plan.GraphqlSchemaRenderer} the
 * AppSync SDL. Consumers read from here and never re-derive.
 */
package io.amplify4j.plan;
