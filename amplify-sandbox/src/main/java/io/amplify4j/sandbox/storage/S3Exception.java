package io.amplify4j.sandbox.storage;

import java.util.Objects;

/** A request S3 refuses: HTTP status, S3 error code and message, and the resource it concerns. */
final class S3Exception extends Exception {
    final int status;
    final String code;
    final String resourceElement;
    final String resource;

    S3Exception(int status, String code, String message, String resourceElement, String resource) {
        super(message, null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.resourceElement = resourceElement;
        this.resource = resource;
    }

    static S3Exception accessDenied() {
        return new S3Exception(403, "AccessDenied", "Access Denied", null, null);
    }

    static S3Exception noSuchKey(String key) {
        return new S3Exception(404, "NoSuchKey", "The specified key does not exist.", "Key", key);
    }

    static S3Exception noSuchBucket(String bucket) {
        return new S3Exception(404, "NoSuchBucket", "The specified bucket does not exist", "BucketName", bucket);
    }

    static S3Exception notImplemented(String what) {
        return new S3Exception(501, "NotImplemented", "A header or query you provided implies functionality that is "
                + "not implemented by the sandbox: " + what, null, null);
    }

    static S3Exception invalidArgument(String message, String argument) {
        return new S3Exception(400, "InvalidArgument", message, "ArgumentName", argument);
    }
}
