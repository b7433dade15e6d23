/**
 * {@code amplify_outputs.json}, the client configuration Amplify's frontend libraries read:
 * {@link io.amplify4j.outputs.AmplifyOutputs}, written by the CDK constructs after a deployment and by the sandbox
 * for itself.
 */
package io.amplify4j.outputs;
