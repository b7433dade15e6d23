package io.amplify4j.dsl;

import io.amplify4j.model.data.AiModel;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.InferenceConfiguration;
import io.amplify4j.validate.Problems;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A generation route: a query answered by one call to a Bedrock model. The arguments go to the model as the user
 * message; the result is the model's structured output, typed as {@link #returns} says (a custom type, an enum or a
 * scalar, or a list of one).
 *
 * <pre>{@code
 * data.generation("describeProduct")
 *     .aiModel(AiModel.CLAUDE_3_5_HAIKU)
 *     .systemPrompt("You write short product descriptions.")
 *     .inferenceConfiguration(c -> c.maxTokens(500).temperature(0.3))
 *     .argument("name", DataType.string().required())
 *     .returns(DataType.ref(description))
 *     .authorization(allow -> List.of(allow.authenticated()));
 * }</pre>
 */
public final class GenerationBuilder extends OperationBuilder<GenerationBuilder> {
    private AiModel aiModel;
    private String systemPrompt = "";
    private InferenceConfiguration inference = InferenceConfiguration.none();

    GenerationBuilder(BackendBuilder backend, String name) {
        super(backend, name, CustomOperation.Type.QUERY);
    }

    /** The Bedrock model that answers. */
    public GenerationBuilder aiModel(AiModel model) {
        this.aiModel = Objects.requireNonNull(model, "model");
        return this;
    }

    /** The system prompt: what the model is asked to do with the arguments. */
    public GenerationBuilder systemPrompt(String prompt) {
        this.systemPrompt = Objects.requireNonNull(prompt, "prompt");
        return this;
    }

    /** Inference parameters, for example {@code c -> c.maxTokens(500).temperature(0.3)}. */
    public GenerationBuilder inferenceConfiguration(Consumer<InferenceConfigurationBuilder> configure) {
        InferenceConfigurationBuilder builder = new InferenceConfigurationBuilder();
        configure.accept(builder);
        this.inference = builder.toModel();
        return this;
    }

    @Override
    CustomOperation toDefinition(Problems problems) {
        AiModel model = aiModel;
        if (model == null) {
            problems.add("data.operations." + name, "Generation route `" + name + "` has no AI model. Name one with "
                    + "aiModel(...), for example aiModel(AiModel.CLAUDE_3_5_HAIKU).");
            // Stands in only so the rest of the route is still checked; build() fails with the problem above.
            model = AiModel.CLAUDE_3_5_HAIKU;
        }
        handlers.add(new CustomOperation.Handler.Generation(model, systemPrompt, inference));
        CustomOperation operation = super.toDefinition(problems);
        handlers.clear();
        return operation;
    }
}
