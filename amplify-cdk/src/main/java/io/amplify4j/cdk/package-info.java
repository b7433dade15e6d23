/**
 * The backend as AWS CDK constructs: every construct reads what it builds from the {@link
 * io.amplify4j.plan.BackendPlan}, never from the DSL or model directly, so the cloud, the sandbox and the generated
 * clients agree on every name, key and rule.
 */
package io.amplify4j.cdk;
