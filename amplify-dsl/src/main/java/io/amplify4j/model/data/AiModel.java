package io.amplify4j.model.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Bedrock models an AI route can use: the one typed list, mapping Amplify's friendly names
 * ({@code a.ai.model('Claude 3.5 Haiku')}, from Amplify's {@code ModelType.ts}) to the ids Bedrock's Converse API is
 * called with. Every model here supports Converse and tool use (structured output and conversation tools need it).
 *
 * <p>Ids starting with {@code us.}, {@code eu.}, {@code apac.} or {@code global.} are cross-region inference profiles:
 * Bedrock routes the call to the foundation model in one of several regions, so a role calling one needs the profile
 * and the foundation model in every region ({@link #inferenceProfile()}, {@link #foundationModelId()}).
 */
public enum AiModel {
    // Amazon Nova
    AMAZON_NOVA_PRO("Amazon Nova Pro", "amazon.nova-pro-v1:0"),
    AMAZON_NOVA_LITE("Amazon Nova Lite", "amazon.nova-lite-v1:0"),
    AMAZON_NOVA_MICRO("Amazon Nova Micro", "amazon.nova-micro-v1:0"),
    // Anthropic Claude
    CLAUDE_3_HAIKU("Claude 3 Haiku", "anthropic.claude-3-haiku-20240307-v1:0"),
    CLAUDE_3_OPUS("Claude 3 Opus", "anthropic.claude-3-opus-20240229-v1:0"),
    CLAUDE_3_SONNET("Claude 3 Sonnet", "anthropic.claude-3-sonnet-20240229-v1:0"),
    CLAUDE_3_5_HAIKU("Claude 3.5 Haiku", "anthropic.claude-3-5-haiku-20241022-v1:0"),
    CLAUDE_3_5_SONNET("Claude 3.5 Sonnet", "anthropic.claude-3-5-sonnet-20240620-v1:0"),
    CLAUDE_3_5_SONNET_V2("Claude 3.5 Sonnet v2", "anthropic.claude-3-5-sonnet-20241022-v2:0"),
    CLAUDE_3_7_SONNET("Claude 3.7 Sonnet", "anthropic.claude-3-7-sonnet-20250219-v1:0"),
    CLAUDE_OPUS_4("Claude Opus 4", "anthropic.claude-opus-4-20250514-v1:0"),
    CLAUDE_SONNET_4("Claude Sonnet 4", "anthropic.claude-sonnet-4-20250514-v1:0"),
    CLAUDE_HAIKU_4_5("Claude Haiku 4.5", "anthropic.claude-haiku-4-5-20251001-v1:0"),
    CLAUDE_SONNET_4_5("Claude Sonnet 4.5", "anthropic.claude-sonnet-4-5-20250929-v1:0"),
    CLAUDE_OPUS_4_5("Claude Opus 4.5", "anthropic.claude-opus-4-5-20251101-v1:0"),
    // Cohere
    COHERE_COMMAND_R("Cohere Command R", "cohere.command-r-v1:0"),
    COHERE_COMMAND_R_PLUS("Cohere Command R+", "cohere.command-r-plus-v1:0"),
    // Meta Llama
    LLAMA_3_1_8B_INSTRUCT("Llama 3.1 8B Instruct", "meta.llama3-1-8b-instruct-v1:0"),
    LLAMA_3_1_70B_INSTRUCT("Llama 3.1 70B Instruct", "meta.llama3-1-70b-instruct-v1:0"),
    LLAMA_3_1_405B_INSTRUCT("Llama 3.1 405B Instruct", "meta.llama3-1-405b-instruct-v1:0"),
    // Mistral AI
    MISTRAL_LARGE("Mistral Large", "mistral.mistral-large-2402-v1:0"),
    MISTRAL_LARGE_2("Mistral Large 2", "mistral.mistral-large-2407-v1:0"),
    MISTRAL_SMALL("Mistral Small", "mistral.mistral-small-2402-v1:0"),
    // Cross-region inference profiles: United States (us-east-1, us-east-2, us-west-2)
    US_CLAUDE_3_SONNET("US Anthropic Claude 3 Sonnet", "us.anthropic.claude-3-sonnet-20240229-v1:0"),
    US_CLAUDE_3_OPUS("US Anthropic Claude 3 Opus", "us.anthropic.claude-3-opus-20240229-v1:0"),
    US_CLAUDE_3_HAIKU("US Anthropic Claude 3 Haiku", "us.anthropic.claude-3-haiku-20240307-v1:0"),
    US_CLAUDE_3_5_SONNET("US Anthropic Claude 3.5 Sonnet", "us.anthropic.claude-3-5-sonnet-20240620-v1:0"),
    US_CLAUDE_3_5_HAIKU("US Anthropic Claude 3.5 Haiku", "us.anthropic.claude-3-5-haiku-20241022-v1:0"),
    US_CLAUDE_3_5_SONNET_V2("US Anthropic Claude 3.5 Sonnet v2", "us.anthropic.claude-3-5-sonnet-20241022-v2:0"),
    US_CLAUDE_3_7_SONNET("US Anthropic Claude 3.7 Sonnet", "us.anthropic.claude-3-7-sonnet-20250219-v1:0"),
    US_NOVA_LITE("US Nova Lite", "us.amazon.nova-lite-v1:0"),
    US_NOVA_PRO("US Nova Pro", "us.amazon.nova-pro-v1:0"),
    US_NOVA_MICRO("US Nova Micro", "us.amazon.nova-micro-v1:0"),
    // Europe (eu-central-1, eu-west-1, eu-west-3)
    EU_CLAUDE_3_SONNET("EU Anthropic Claude 3 Sonnet", "eu.anthropic.claude-3-sonnet-20240229-v1:0"),
    EU_CLAUDE_3_5_SONNET("EU Anthropic Claude 3.5 Sonnet", "eu.anthropic.claude-3-5-sonnet-20240620-v1:0"),
    EU_CLAUDE_3_HAIKU("EU Anthropic Claude 3 Haiku", "eu.anthropic.claude-3-haiku-20240307-v1:0"),
    // Asia Pacific (ap-northeast-1, ap-northeast-2, ap-south-1, ap-southeast-1, ap-southeast-2)
    APAC_CLAUDE_3_SONNET("APAC Anthropic Claude 3 Sonnet", "apac.anthropic.claude-3-sonnet-20240229-v1:0"),
    APAC_CLAUDE_3_5_SONNET("APAC Anthropic Claude 3.5 Sonnet", "apac.anthropic.claude-3-5-sonnet-20240620-v1:0"),
    APAC_CLAUDE_3_HAIKU("APAC Anthropic Claude 3 Haiku", "apac.anthropic.claude-3-haiku-20240307-v1:0"),
    APAC_CLAUDE_3_5_SONNET_V2("APAC Anthropic Claude 3.5 Sonnet v2", "apac.anthropic.claude-3-5-sonnet-20241022-v2:0"),
    // Global (any commercial region)
    GLOBAL_CLAUDE_SONNET_4_5("Global Anthropic Claude Sonnet 4.5", "global.anthropic.claude-sonnet-4-5-20250929-v1:0"),
    GLOBAL_CLAUDE_HAIKU_4_5("Global Anthropic Claude Haiku 4.5", "global.anthropic.claude-haiku-4-5-20251001-v1:0");

    private static final String[] PROFILE_PREFIXES = {"us.", "eu.", "apac.", "global."};

    private final String friendlyName;
    private final String bedrockModelId;

    AiModel(String friendlyName, String bedrockModelId) {
        this.friendlyName = friendlyName;
        this.bedrockModelId = bedrockModelId;
    }

    /** Amplify's name for the model, for example {@code Claude 3.5 Haiku}. */
    public String friendlyName() {
        return friendlyName;
    }

    /** The id Converse is called with: a foundation model id, or an inference profile id. */
    public String bedrockModelId() {
        return bedrockModelId;
    }

    /** True when {@link #bedrockModelId()} is a cross-region inference profile ({@code us.}, {@code eu.}, ...). */
    public boolean inferenceProfile() {
        return profilePrefix().isPresent();
    }

    /** The foundation model behind the id: the id itself, or the id without its inference profile prefix. */
    public String foundationModelId() {
        return profilePrefix().map(p -> bedrockModelId.substring(p.length())).orElse(bedrockModelId);
    }

    private Optional<String> profilePrefix() {
        return Arrays.stream(PROFILE_PREFIXES).filter(bedrockModelId::startsWith).findFirst();
    }

    /** The model of that friendly name (as Amplify spells it), if there is one. */
    public static Optional<AiModel> byFriendlyName(String name) {
        return Arrays.stream(values()).filter(m -> m.friendlyName.equals(name)).findFirst();
    }
}
