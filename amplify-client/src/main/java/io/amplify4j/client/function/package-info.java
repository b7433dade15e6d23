/**
 * Run-time help for Java Lambda handlers of an Amplify4j backend: {@link io.amplify4j.client.function.FunctionEnvironment}
 * reads a function's environment variables, resolving those deployed as placeholders from SSM or Secrets Manager.
 */
package io.amplify4j.client.function;
