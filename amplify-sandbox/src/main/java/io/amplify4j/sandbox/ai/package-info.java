/**
 * AI routes in the sandbox: the {@link io.amplify4j.sandbox.ai.ModelProvider} SPI that answers Bedrock's Converse and
 * ConverseStream, the real {@link io.amplify4j.sandbox.ai.BedrockModelProvider}, the test double
 * {@link io.amplify4j.sandbox.ai.RecordedModelProvider}, the Bedrock HTTP data source of generation resolvers
 * ({@link io.amplify4j.sandbox.ai.BedrockEndpoint}) and the local Bedrock endpoint that conversation handlers call
 * ({@link io.amplify4j.sandbox.ai.LocalBedrockHandler}), with the AWS event-stream encoding
 * ({@link io.amplify4j.sandbox.ai.EventStream}) ConverseStream answers in.
 */
package io.amplify4j.sandbox.ai;
