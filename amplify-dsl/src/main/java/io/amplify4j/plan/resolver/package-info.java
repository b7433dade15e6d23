/**
 * The resolvers: for every generated query, mutation, subscription and relationship field, and every custom
 * operation, an APPSYNC_JS pipeline resolver ({@link io.amplify4j.plan.resolver.ResolverPlan}) whose functions
 * ({@link io.amplify4j.plan.resolver.PipelineFunctionPlan}) run auth → data → response filter. Every module is one
 * ES module importing only {@code @aws-appsync/utils}, exporting {@code request(ctx)} and {@code response(ctx)},
 * deterministic text in the APPSYNC_JS subset, built by one small generator per operation kind from fixed
 * helpers ({@link io.amplify4j.plan.resolver.JsSnippets}) and rule data embedded as JSON constants with sorted keys.
 * The data functions of a table's operations are then merged into one read and one write function per table
 * ({@code TodoTableRead}, {@code TodoTableWrite}), each choosing its field's branch by {@code ctx.info}, so an
 * API needs two functions per table rather than one per operation.
 *
 * <h2>Design note: the semantics the modules implement</h2>
 *
 * <ul>
 *   <li><b>Callers.</b> {@code util.authType()} decides the provider. API key; user pool (the token's issuer must
 *       equal {@code ctx.env.AMPLIFY_USER_POOL_ISSUER}; groups from {@code cognito:groups} or the rule's group
 *       claim); OIDC; Lambda authorizer ({@code custom} rules); IAM: identity-pool guests and users only when
 *       {@code cognitoIdentityPoolId} equals {@code ctx.env.AMPLIFY_IDENTITY_POOL_ID}, and functions granted
 *       {@code allow.resource(fn)} only when their role (the {@code userArn} is the role ARN or a session of it)
 *       equals {@code ctx.env.AMPLIFY_FUNCTION_ROLE_ARN_<FN>} and only for the root types granted (relationship
 *       fields and response filters admit any granted function: it got there through a root field it may call).
 *       Every other IAM principal is denied. A missing environment variable denies the callers it would admit.</li>
 *   <li><b>Static and item rules.</b> API key, guest, authenticated, static groups, custom and resource rules admit
 *       whatever the item. Owner and group-field rules admit a caller only for items whose field holds the caller's
 *       identity (or one of its groups). The default identity claim {@code sub::username} matches a stored
 *       {@code <sub>::<username>} or {@code <sub>}, never the bare username; other claims match the claim's value.</li>
 *   <li><b>Reads.</b> get: GetItem, then the item is checked; one the caller may not read gives null and an
 *       Unauthorized error. list and index queries: the auth filter (OR over the caller's checks) is AND-ed with
 *       the caller's filter, never widened; limit defaults to 100 and is capped at 1000; pages may be short but the
 *       nextToken is always passed on. Relationship fields apply the TARGET model's read rules (hasMany via the
 *       auth filter; hasOne and belongsTo by checking the item): a related item the caller may not read is null
 *       plus an error, the parent is returned.</li>
 *   <li><b>create.</b> Absent owner fields are filled with the caller's identity ({@code <sub>::<username>});
 *       a supplied owner value must name the caller (a list must contain it) unless a static rule admits the caller.
 *       id from {@code util.autoId()} unless given; createdAt/updatedAt now unless given (only key fields can be);
 *       defaults for absent or null fields; validators ({@code ValidationError}); composite attributes; PutItem with
 *       {@code attribute_not_exists(<pk>)} AND the caller's condition.</li>
 *   <li><b>update and delete.</b> ONE condition expression: {@code attribute_exists(<pk>)} AND the caller's condition
 *       AND (for callers admitted only through owner or group-field rules) the owner/group check AND (with a
 *       version field) {@code version = :expected}. A missing item, a foreign item and a stale version all fail
 *       the condition ({@code DynamoDB:ConditionalCheckFailedException}), which does not reveal whether the item
 *       exists. Owner fields are immutable for such callers: one may change only when the caller is that field's
 *       owner under a rule allowing owner transfer (a co-owner list without it cannot be edited by its members, nor
 *       by the creator; a group-field member cannot transfer ownership); group fields are immutable for them
 *       without exception (a member must not move an item into a group it is not in, which create refuses);
 *       static callers may set both. update: validators on the given fields, updatedAt refreshed, null removes an attribute,
 *       composite attributes recomputed (all their fields must be given together), version + 1 (the input must
 *       carry the version read).</li>
 *   <li><b>Field-level rules.</b> They replace the model's rules for their field. Writes: an input field the caller
 *       may not create or update is Unauthorized (owner/group field rules on update join the condition). Reads:
 *       a response filter nulls fields the caller may not read and appends one Unauthorized error per field; it also
 *       runs on mutation results. Probing: a filter (list, index query, hasMany, subscription), a key argument or
 *       an update/delete condition may name a field with read rules only when those rules admit the caller whatever
 *       the item (a static rule); otherwise the call is Unauthorized, since which items match would reveal the
 *       value. An owner reading its own item's owner-only field cannot filter on it either.</li>
 *   <li><b>Subscriptions.</b> Callers no listen rule admits are refused; static callers get the client's filter;
 *       the others get the auth filter AND the client's filter ({@code util.transform.toSubscriptionFilter}).</li>
 *   <li><b>Custom operations.</b> An auth function with the operation's rules (static rules only), then a Lambda
 *       invocation ({@code Fn<Name>} data source) or the user's modules, referenced by entry path.</li>
 * </ul>
 *
 * <p>The variable names live in {@link io.amplify4j.plan.resolver.ResolverNames}; the plan lists them in
 * {@link io.amplify4j.plan.DataPlan#environment()}.
 */
package io.amplify4j.plan.resolver;
