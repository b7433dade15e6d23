/**
 * How requests are authorized: {@link io.amplify4j.client.auth.AuthProvider} per AppSync auth mode, made by
 * {@link io.amplify4j.client.auth.AuthProviders}, and sign-in helpers for the sandbox and for Cognito.
 */
package io.amplify4j.client.auth;
