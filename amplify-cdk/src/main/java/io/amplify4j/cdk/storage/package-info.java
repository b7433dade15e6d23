/** Storage buckets as CDK constructs: {@link io.amplify4j.cdk.storage.AmplifyStorage}. */
package io.amplify4j.cdk.storage;
