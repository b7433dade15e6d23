/** Lambda functions as CDK constructs: {@link io.amplify4j.cdk.function.AmplifyFunction}. */
package io.amplify4j.cdk.function;
