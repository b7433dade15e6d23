/**
 * The local sandbox server: a backend's GraphQL API on 127.0.0.1, wire-compatible with AppSync.
 *
 * <p>Entry point: {@link io.amplify4j.sandbox.server.Sandbox#builder(io.amplify4j.dsl.BackendDefinition)} then
 * {@code start()}; in tests, {@link io.amplify4j.sandbox.server.junit.SandboxTest @SandboxTest}. Sub-packages:
 * {@code auth} (API keys, the local user pool and its token verifier, the authenticator), {@code graphql} (the
 * executor over the plan's SDL, AppSync's scalars, field authorization, error shapes), {@code realtime} (the
 * {@code graphql-ws} WebSocket endpoint and subscription delivery), {@code junit}.
 *
 * <p>Wire behaviour and its sources: request, auth headers, 401 refusals, the {@code Unauthorized} field error and
 * its message, the error key order and the validation wording follow recorded AppSync responses
 * ({@code shared/reference/appsync-js-runtime-and-sandbox.md} §5.1). Chosen by us where AppSync's answer is not
 * recorded: HTTP 400 for request errors (configurable), the depth limit's message, the exact 401 messages for
 * bad tokens ({@code Token has expired.}, {@code Unable to parse JWT token.},
 * {@code Valid authorization header not provided.}) and bad API keys, the 413 body limit answer, and the admin
 * API ({@code /__sandbox/users}, {@code /__sandbox/sign-in}, {@code /__sandbox/reset}).
 *
 * <p>The HTTP server is Jetty 12 core (no servlets): small, and it upgrades {@code /graphql/realtime} (and
 * {@code /graphql}) to AppSync's real-time WebSocket on the same port, which the JDK's {@code HttpServer} cannot.
 * Chosen by us on the real-time side, where AppSync's answer is not recorded: the error types
 * {@code MalformedMessage} (not JSON, no id, a bad {@code payload.data}), {@code UnsupportedOperation} (unknown
 * message types, non-subscription operations), {@code ValidationError} for invalid subscription documents, the
 * 30 s keep-alive period, and closing (1013) a connection whose outgoing queue overflows.
 *
 * <p>Limits, as AppSync lets an API configure them: {@code queryDepthLimit} (HTTP queries and subscription
 * documents at {@code start}), {@code resolverCountLimit} (counted before execution, aliases and fragment uses
 * included, so an alias bomb runs nothing), introspection on or off, the request body cap (413), DynamoDB's item
 * (400 KB) and key (2,048 B / 1,024 B) sizes, and AppSync's 240 KB subscription payload quota. Also chosen by us:
 * an event over that quota is not delivered and its subscriber gets an {@code error} with
 * {@code PayloadTooLargeException} (the subscription stays); a subscription whose API key is deleted or expires,
 * or whose token expires, ends with an {@code UnauthorizedException} {@code error} at its next event or keep-alive
 * tick; fields a subscriber may not read arrive as null, decided per subscriber at delivery.
 */
package io.amplify4j.sandbox.server;
