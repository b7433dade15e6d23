package io.amplify4j.model.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;
import java.util.Optional;

/**
 * Bedrock's inference parameters for an AI route ({@code inferenceConfig} of a Converse request); each absent value
 * leaves the model's default. Validation checks the ranges: {@code maxTokens} at least 1, {@code temperature} and
 * {@code topP} from 0 to 1.
 *
 * @param maxTokens the most tokens the model may generate
 * @param temperature randomness, 0 (most likely tokens) to 1
 * @param topP nucleus sampling: the share of probability mass considered, 0 to 1
 */
public record InferenceConfiguration(Optional<Integer> maxTokens, Optional<Double> temperature, Optional<Double> topP) {
    private static final InferenceConfiguration NONE =
            new InferenceConfiguration(Optional.empty(), Optional.empty(), Optional.empty());

    public InferenceConfiguration {
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(topP, "topP");
    }

    /** No parameters: the model's defaults. */
    public static InferenceConfiguration none() {
        return NONE;
    }

    /** True when no parameter is set. */
    @JsonIgnore
    public boolean isEmpty() {
        return maxTokens.isEmpty() && temperature.isEmpty() && topP.isEmpty();
    }
}
