/**
 * The sandbox's AppSync real-time endpoint: the {@code graphql-ws} WebSocket protocol AppSync speaks, on the
 * sandbox's port at {@code /graphql/realtime} (and {@code /graphql}), delivering the results of mutations to the
 * subscriptions that listen for them. Every event is authorized and redacted per subscriber, with the identity
 * and credential the subscriber started with: a subscription ends when that credential lapses, and fields the
 * subscriber may not read are nulled. Subscription invalidation works as in AppSync: a mutation's
 * {@code extensions.invalidateSubscriptions} ends the subscriptions whose invalidation filter matches, each with
 * {@code complete}.
 */
package io.amplify4j.sandbox.server.realtime;
