package io.amplify4j.cdk.data;

import java.util.Objects;

/**
 * AppSync request logging: what reaches CloudWatch Logs and how long it stays.
 *
 * <p>The default logs errors with verbose content (request and response bodies, headers, context): cdk-nag's
 * AwsSolutions-ASC3 requires verbose content, and without it a failed request cannot be diagnosed. Verbose
 * content can contain personal data from arguments and results; {@link #withoutVerboseContent()} trades
 * diagnosability for privacy (and then needs a reviewed acknowledgement of ASC3).
 *
 * @param fieldLogLevel which field resolutions are logged
 * @param excludeVerboseContent true to leave request and response bodies, headers and context out of the logs
 * @param retentionDays how long the API's log group keeps events; one of CloudWatch's allowed values
 */
public record DataLogging(FieldLogLevel fieldLogLevel, boolean excludeVerboseContent, int retentionDays) {

    /** Errors with verbose content, kept 30 days. */
    public static final DataLogging DEFAULT = new DataLogging(FieldLogLevel.ERROR, false, 30);

    public DataLogging {
        Objects.requireNonNull(fieldLogLevel, "fieldLogLevel");
        if (retentionDays <= 0) {
            throw new IllegalArgumentException("DataLogging.retentionDays must be positive, was " + retentionDays
                    + "; use a CloudWatch Logs retention such as 7, 30 or 365.");
        }
    }

    /** These settings with request and response bodies left out of the logs. */
    public DataLogging withoutVerboseContent() {
        return new DataLogging(fieldLogLevel, true, retentionDays);
    }

    /** These settings at another field log level. */
    public DataLogging withFieldLogLevel(FieldLogLevel level) {
        return new DataLogging(level, excludeVerboseContent, retentionDays);
    }

    /** These settings with another retention. */
    public DataLogging withRetentionDays(int days) {
        return new DataLogging(fieldLogLevel, excludeVerboseContent, days);
    }

    /** AppSync's field log levels. */
    public enum FieldLogLevel {
        NONE,
        ERROR,
        INFO,
        DEBUG,
        ALL
    }
}
