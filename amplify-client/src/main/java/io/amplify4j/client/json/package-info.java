/** JSON mapping for AppSync's scalars and generated types: {@link io.amplify4j.client.json.AmplifyJson#mapper()}. */
package io.amplify4j.client.json;
