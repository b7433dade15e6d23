/**
 * The stack outputs a client needs ({@link io.amplify4j.cdk.outputs.OutputKeys}) and their way back into
 * {@code amplify_outputs.json} from a {@code cdk deploy --outputs-file} ({@link io.amplify4j.cdk.outputs.CdkOutputsReader}).
 */
package io.amplify4j.cdk.outputs;
