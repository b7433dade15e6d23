package io.amplify4j.cdk.data;

/**
 * The budget every data template must stay within. CloudFormation allows 500 resources and 1 MB (uploaded through
 * S3) per template; the defaults keep a margin for resources users add through escape hatches and for metadata
 * such as cdk-nag's.
 *
 * @param maxResources the most resources a nested stack of models may hold
 * @param maxTemplateBytes the most bytes a nested stack's template may take, estimated from what it holds
 */
public record StackLimits(int maxResources, int maxTemplateBytes) {

    /** 400 resources and 800 KB per template. */
    public static final StackLimits DEFAULT = new StackLimits(400, 800_000);

    public StackLimits {
        if (maxResources < 20 || maxResources > 500) {
            throw new IllegalArgumentException("StackLimits.maxResources must be 20 to 500 (CloudFormation's limit),"
                    + " was " + maxResources);
        }
        if (maxTemplateBytes < 50_000 || maxTemplateBytes > 1_000_000) {
            throw new IllegalArgumentException("StackLimits.maxTemplateBytes must be 50000 to 1000000"
                    + " (CloudFormation's limit), was " + maxTemplateBytes);
        }
    }
}
