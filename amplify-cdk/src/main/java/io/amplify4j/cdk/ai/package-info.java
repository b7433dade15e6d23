/**
 * AI routes in the cloud: the Bedrock HTTP data source of generation routes and its least-privilege role, and the
 * Bedrock grants of conversation handlers. {@code AmplifyData} and {@code AmplifyBackend} use these for a plan with
 * AI routes; each is usable alone in any CDK app.
 */
package io.amplify4j.cdk.ai;
