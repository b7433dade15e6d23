/**
 * IAM callers of the sandbox: a local Cognito identity pool (AWS JSON 1.1 {@code GetId} and
 * {@code GetCredentialsForIdentity}), temporary credentials for its identities and for functions, and SigV4
 * verification of requests signed with them. Signatures are recomputed with the AWS SDK's own signer, never
 * trusted from the request.
 */
package io.amplify4j.sandbox.iam;
