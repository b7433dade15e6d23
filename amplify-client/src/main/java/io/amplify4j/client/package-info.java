/**
 * The runtime generated clients call: {@link io.amplify4j.client.GraphQLClient} (HTTP and real-time transport),
 * {@link io.amplify4j.client.GraphQLRequest}, typed errors, pagination and subscriptions.
 */
package io.amplify4j.client;
