/** AppSync's real-time protocol over {@code java.net.http.WebSocket}: connections, subscriptions, reconnects. */
package io.amplify4j.client.realtime;
