package io.amplify4j.cdk.ai;

import io.amplify4j.model.data.AiModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.Stack;

/**
 * What an IAM grant to invoke Bedrock models names: the two actions Converse and ConverseStream are authorized by,
 * and the model ARNs of exactly the models a route names, never a wildcard model.
 *
 * <p>A foundation model id ({@code anthropic.claude-3-5-haiku-20241022-v1:0}) needs its ARN in the stack's region.
 * A cross-region inference profile id ({@code us.anthropic.claude-3-7-sonnet-20250219-v1:0}) is authorized on the
 * profile (account-scoped, in the stack's region) and on the foundation model in every region the profile may route
 * to; the profiles' destination regions change over time, so the region part of that one ARN is {@code *} (the
 * model part never is). That is the only wildcard, and its acknowledgement says so
 * ({@link io.amplify4j.cdk.nag.Acknowledgements#BEDROCK_INFERENCE_PROFILE_REGIONS}).
 */
public final class BedrockResources {
    /** The action {@code Converse} is authorized by. */
    public static final String INVOKE_MODEL = "bedrock:InvokeModel";
    /** The action {@code ConverseStream} is authorized by. */
    public static final String INVOKE_MODEL_WITH_RESPONSE_STREAM = "bedrock:InvokeModelWithResponseStream";
    private BedrockResources() {}

    /** The models in a stable order (by Bedrock id), each once. */
    public static List<AiModel> sorted(Collection<AiModel> models) {
        Set<AiModel> unique = new TreeSet<>(Comparator.comparing(AiModel::bedrockModelId));
        unique.addAll(models);
        return List.copyOf(unique);
    }

    /**
     * The ARNs to grant for {@code models} in {@code stack}: per model (ordered by Bedrock id) the foundation model in
     * the stack's region, and for an inference profile the profile and the foundation model in every region.
     */
    public static List<String> arns(Stack stack, Collection<AiModel> models) {
        String partition = stack.getPartition();
        String region = stack.getRegion();
        String account = stack.getAccount();
        Set<String> arns = new LinkedHashSet<>();
        for (AiModel model : sorted(models)) {
            String prefix = "arn:" + partition + ":bedrock:";
            arns.add(prefix + region + "::foundation-model/" + model.foundationModelId());
            if (model.inferenceProfile()) {
                arns.add(prefix + region + ":" + account + ":inference-profile/" + model.bedrockModelId());
                arns.add(prefix + "*::foundation-model/" + model.foundationModelId());
            }
        }
        return new ArrayList<>(arns);
    }

    /** Whether any of {@code models} is an inference profile, so that a grant names every region. */
    public static boolean anyInferenceProfile(Collection<AiModel> models) {
        return models.stream().anyMatch(AiModel::inferenceProfile);
    }
}
