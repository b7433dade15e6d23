package io.amplify4j.sandbox.iam;

import java.util.Objects;

/**
 * Why a signed request was refused. Each endpoint renders the reason in its own service's shape (S3 XML error
 * codes, AppSync's {@code errorType}); the sandbox answers all of them with HTTP 403.
 */
public final class SignatureException extends Exception {
    private final Reason reason;

    /** The kinds of refusal, with the error codes S3 and AppSync use for them. */
    public enum Reason {
        /** No or an unreadable {@code Authorization} header, or a required part missing. */
        MALFORMED("AuthorizationHeaderMalformed", "IncompleteSignatureException"),
        /** An access key id the sandbox never issued. */
        UNKNOWN_ACCESS_KEY("InvalidAccessKeyId", "UnrecognizedClientException"),
        /** A session token missing or not the one issued with the access key. */
        INVALID_TOKEN("InvalidToken", "UnrecognizedClientException"),
        /** Credentials past their expiration. */
        EXPIRED_CREDENTIALS("ExpiredToken", "ExpiredTokenException"),
        /** A request signed for another region than the sandbox's. */
        WRONG_REGION("AuthorizationHeaderMalformed", "InvalidSignatureException"),
        /** A request signed for another service than the endpoint's. */
        WRONG_SERVICE("AuthorizationHeaderMalformed", "InvalidSignatureException"),
        /** A presigned URL used after its {@code X-Amz-Expires}. */
        URL_EXPIRED("AccessDenied", "InvalidSignatureException"),
        /** A signing time more than 15 minutes from the sandbox's clock. */
        TIME_SKEWED("RequestTimeTooSkewed", "InvalidSignatureException"),
        /** The recomputed signature (or a chunk's) differs from the one sent. */
        SIGNATURE_MISMATCH("SignatureDoesNotMatch", "InvalidSignatureException");

        private final String s3Code;
        private final String appSyncErrorType;

        Reason(String s3Code, String appSyncErrorType) {
            this.s3Code = s3Code;
            this.appSyncErrorType = appSyncErrorType;
        }

        /** The S3 error {@code Code}. */
        public String s3Code() {
            return s3Code;
        }

        /** The AppSync {@code errorType} (and {@code x-amzn-ErrorType}). */
        public String appSyncErrorType() {
            return appSyncErrorType;
        }
    }

    public SignatureException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
