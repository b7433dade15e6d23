/**
 * The sandbox's S3-compatible storage: a path-style subset of S3 (PutObject, GetObject, HeadObject, DeleteObject,
 * ListObjectsV2) on loopback, authorised with SigV4 credentials from the local identity pool or for functions, and
 * decided by the plan's {@link io.amplify4j.plan.BucketPlan#allows} so that the sandbox grants exactly what the
 * deployed policies would. Keys are taken literally. Objects live in an {@link io.amplify4j.sandbox.storage.ObjectStore}:
 * memory by default, files under a directory when one is configured.
 */
package io.amplify4j.sandbox.storage;
