/**
 * The APPSYNC_JS resolver engine: runs the same pipeline resolver modules AppSync would run, offline, on GraalJS.
 *
 * <p>Entry point: build one {@link io.amplify4j.sandbox.js.ResolverEngine} (it owns the shared GraalJS engine and a
 * pool of contexts), {@linkplain io.amplify4j.sandbox.js.ResolverEngine#define define} the modules, then call
 * {@link io.amplify4j.sandbox.js.ResolverEngine#execute execute} with a {@link io.amplify4j.sandbox.js.Pipeline}
 * (resolver module plus {@link io.amplify4j.sandbox.js.PipelineFunction}s bound to data sources) and a
 * {@link io.amplify4j.sandbox.js.RequestContext}. The {@link io.amplify4j.sandbox.js.ResolverResult} holds the
 * field's data, the GraphQL errors and the recorded {@link io.amplify4j.sandbox.js.ResolverExtensions};
 * {@link io.amplify4j.sandbox.js.SubscriptionFilter} evaluates a recorded subscription filter against an event.
 *
 * <p>Pipeline semantics: resolver {@code request} → for each function {@code request} → data source →
 * {@code response} → resolver {@code response}. {@code ctx.prev.result} is the previous handler's value;
 * {@code ctx.stash} is shared; a data source failure sets {@code ctx.error = {message, type}} and
 * {@code ctx.result = null} and is not raised unless the response handler calls {@code util.error}.
 * {@code runtime.earlyReturn(value)} in the resolver request skips all functions; in a function request it skips
 * the data source and the function's response ({@code skipTo: 'NEXT'}, the default) or all remaining functions
 * ({@code 'END'}); in a response handler it ends that handler with the value (and {@code 'END'} skips the
 * remaining functions). {@code util.error} and {@code util.unauthorized} stop the run: data is null and the error
 * follows the ones {@code util.appendError} collected. Every handler gets a fresh {@code ctx} built from JSON, so
 * changes to {@code ctx.args} do not reach later handlers.
 *
 * <p>Checked against recorded AppSync behaviour (EvaluateCode outputs and AWS documentation): the
 * {@code toDynamoDBFilterExpression}/{@code toDynamoDBConditionExpression} texts, value names and null results;
 * {@code toSubscriptionFilter} group expansion, ignored fields and rules; {@code util.dynamodb} shapes (numbers stay
 * numbers, {@code {"N": 5}}); {@code util.authType()} strings; the unauthorized message; the documented
 * {@code util.time} examples; the subscription filter value limits. Not verifiable offline and chosen by us: the
 * {@code Code} error type and message of guest faults, {@code escapeJavaScript} (Commons-Text style),
 * {@code randomWithinRange} bounds (inclusive), a filter without groups matching every event, and the statement
 * limit standing in for AppSync's execution limits.
 *
 * <p>Not emulated: {@code Date}, {@code Math.random} and module-level state use the real JVM clock, randomness and
 * the pooled context's lifetime; GraalJS accepts JavaScript that APPSYNC_JS rejects (classes, {@code try},
 * {@code while}), which {@code @aws-appsync/eslint-plugin} is there to catch; {@code util.rds}, {@code util.http},
 * {@code util.xml}, {@code toElasticsearchQueryDSL} and the {@code @aws-appsync/utils/dynamodb} helper module are
 * absent.
 */
package io.amplify4j.sandbox.js;
