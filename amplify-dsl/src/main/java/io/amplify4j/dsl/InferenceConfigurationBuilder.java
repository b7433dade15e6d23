package io.amplify4j.dsl;

import io.amplify4j.model.data.InferenceConfiguration;
import java.util.Optional;

/**
 * Bedrock's inference parameters for an AI route; each one left out keeps the model's default. Ranges are checked
 * when the backend is built: {@code maxTokens} at least 1, {@code temperature} and {@code topP} from 0 to 1.
 */
public final class InferenceConfigurationBuilder {
    private Integer maxTokens;
    private Double temperature;
    private Double topP;

    InferenceConfigurationBuilder() {}

    /** The most tokens the model may generate. */
    public InferenceConfigurationBuilder maxTokens(int tokens) {
        this.maxTokens = tokens;
        return this;
    }

    /** Randomness, 0 (the most likely tokens) to 1. */
    public InferenceConfigurationBuilder temperature(double value) {
        this.temperature = value;
        return this;
    }

    /** Nucleus sampling: the share of probability mass the model picks from, 0 to 1. */
    public InferenceConfigurationBuilder topP(double value) {
        this.topP = value;
        return this;
    }

    InferenceConfiguration toModel() {
        return new InferenceConfiguration(Optional.ofNullable(maxTokens), Optional.ofNullable(temperature),
                Optional.ofNullable(topP));
    }
}
