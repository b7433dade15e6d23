/**
 * The sandbox's AppSync real-time endpoint: the {@code graphql-ws} WebSocket protocol AppSync speaks, on the
 * sandbox's port at {@code /graphql/realtime} (and {@code /graphql}), delivering the results of mutations to the
 * subscriptions that listen for them.
 */
package io.amplify4j.sandbox.server.realtime;
