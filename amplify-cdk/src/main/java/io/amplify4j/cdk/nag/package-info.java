/**
 * The reviewed list of cdk-nag findings our constructs acknowledge, written into templates as {@code cdk_nag}
 * metadata so that cdk-nag, run by us in tests or by a user on their own app, reports them as acknowledged with
 * their reasons. Nothing here depends on cdk-nag itself.
 */
package io.amplify4j.cdk.nag;
