/** Sign-in as CDK constructs: {@link io.amplify4j.cdk.auth.AmplifyAuth}. */
package io.amplify4j.cdk.auth;
