/**
 * The shop's Java Lambda functions, packaged with their dependencies as {@code target/shop-functions.jar}: they call
 * the shop's GraphQL API as IAM callers through the generated client, in the cloud and in the local sandbox alike.
 */
package io.amplify4j.samples.shop.functions;
