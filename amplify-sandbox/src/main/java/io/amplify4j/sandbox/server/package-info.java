/**
 * The local sandbox server: a backend's GraphQL API on 127.0.0.1, wire-compatible with AppSync.
 *
 * <p>Entry point: {@link io.amplify4j.sandbox.server.Sandbox#builder(io.amplify4j.dsl.BackendDefinition)} then
 * {@code start()}; in tests, {@link io.amplify4j.sandbox.server.junit.SandboxTest @SandboxTest}. Sub-packages:
 * {@code auth} (API keys, the local user pool and its token verifier, the authenticator), {@code graphql} (the
 * executor over the plan's SDL, AppSync's scalars, field authorization, error shapes), {@code junit}.
 *
 * <p>Wire behaviour and its sources: request, auth headers, 401 refusals, the {@code Unauthorized} field error and
 * its message, the error key order and the validation wording follow recorded AppSync responses
 * ({@code shared/reference/appsync-js-runtime-and-sandbox.md} §5.1). Chosen by us where AppSync's answer is not
 * recorded: HTTP 400 for request errors (configurable), the depth limit's message, the exact 401 messages for
 * bad tokens ({@code Token has expired.}, {@code Unable to parse JWT token.},
 * {@code Valid authorization header not provided.}) and bad API keys, the 413 body limit answer, and the admin
 * API ({@code /__sandbox/users}, {@code /__sandbox/sign-in}, {@code /__sandbox/reset}).
 *
 * <p>The HTTP server is Jetty 12 core (no servlets): small, and it can upgrade {@code /graphql/realtime} to
 * AppSync's real-time WebSocket on the same port, which the JDK's {@code HttpServer} cannot.
 */
package io.amplify4j.sandbox.server;
