package io.amplify4j.plan;

/**
 * What a storage statement allows or denies, with its S3 action. The definition's {@code read} is {@link #GET}
 * plus {@link #LIST}; HeadObject needs {@link #GET}, as in S3.
 */
public enum StorageOperation {
    /** {@code s3:GetObject} on object keys. */
    GET("get", "s3:GetObject"),
    /** {@code s3:ListBucket} on the bucket, limited by an {@code s3:prefix} condition. */
    LIST("list", "s3:ListBucket"),
    /** {@code s3:PutObject} on object keys. */
    WRITE("write", "s3:PutObject"),
    /** {@code s3:DeleteObject} on object keys. */
    DELETE("delete", "s3:DeleteObject");

    private final String amplifyName;
    private final String iamAction;

    StorageOperation(String amplifyName, String iamAction) {
        this.amplifyName = amplifyName;
        this.iamAction = iamAction;
    }

    /** The action's name in Amplify's definitions and outputs ({@code get}, {@code list}, ...). */
    public String amplifyName() {
        return amplifyName;
    }

    /** The IAM action, for example {@code s3:GetObject}. */
    public String iamAction() {
        return iamAction;
    }

    /** True when the statement's resources are object keys; false for {@link #LIST}, which names prefixes. */
    public boolean onObjects() {
        return this != LIST;
    }
}
