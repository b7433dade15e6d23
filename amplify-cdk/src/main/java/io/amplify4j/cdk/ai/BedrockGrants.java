package io.amplify4j.cdk.ai;

import io.amplify4j.cdk.nag.Acknowledgements;
import io.amplify4j.model.data.AiModel;
import java.util.Collection;
import java.util.List;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * Grants a function's role what a conversation handler needs from Bedrock: {@code bedrock:InvokeModel} (Converse)
 * and {@code bedrock:InvokeModelWithResponseStream} (ConverseStream) on exactly the models of the routes it
 * handles ({@link BedrockResources#arns}).
 */
public final class BedrockGrants {
    private BedrockGrants() {}

    /**
     * A policy under {@code scope} attached to {@code role}, allowing Converse and ConverseStream on {@code models}.
     *
     * @throws IllegalArgumentException when {@code models} is empty (a grant on nothing is a mistake upstream)
     */
    public static Policy converse(Construct scope, String id, IRole role, Collection<AiModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("BedrockGrants.converse(" + id + "): no models to grant");
        }
        Policy policy = Policy.Builder.create(scope, id)
                .roles(List.of(role))
                .statements(List.of(PolicyStatement.Builder.create()
                        .effect(Effect.ALLOW)
                        .actions(List.of(BedrockResources.INVOKE_MODEL,
                                BedrockResources.INVOKE_MODEL_WITH_RESPONSE_STREAM))
                        .resources(BedrockResources.arns(Stack.of(scope), models))
                        .build()))
                .build();
        if (BedrockResources.anyInferenceProfile(models)) {
            Acknowledgements.apply((CfnResource) policy.getNode().getDefaultChild(),
                    Acknowledgements.BEDROCK_INFERENCE_PROFILE_REGIONS);
        }
        return policy;
    }
}
