package io.amplify4j.model.data;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A custom query, mutation or subscription.
 *
 * @param name the operation's field name on its root type
 * @param type query, mutation or subscription
 * @param arguments its arguments, in declaration order
 * @param returns its return type; required for queries and mutations
 * @param handlers what runs it: one function, a pipeline of custom JS handlers, or one generation (a generation
 *     route); may be empty for subscriptions
 * @param rules its authorization rules
 * @param sources subscriptions only: the mutations whose results it publishes
 * @param description documentation carried into generated clients
 */
public record CustomOperation(
        String name,
        Type type,
        List<Argument> arguments,
        Optional<FieldType> returns,
        List<Handler> handlers,
        List<AuthRule> rules,
        List<SubscriptionSource> sources,
        Optional<String> description) {

    public CustomOperation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        arguments = Canonical.list(arguments);
        Objects.requireNonNull(returns, "returns");
        handlers = Canonical.list(handlers);
        rules = Canonical.list(rules);
        sources = Canonical.list(sources);
        Objects.requireNonNull(description, "description");
    }

    /** The generation handler, when this operation is a generation route. */
    public Optional<Handler.Generation> generation() {
        return handlers.stream().filter(h -> h instanceof Handler.Generation).map(h -> (Handler.Generation) h)
                .findFirst();
    }

    /** The root type an operation belongs to. */
    public enum Type {
        QUERY("Query"),
        MUTATION("Mutation"),
        SUBSCRIPTION("Subscription");

        private final String rootTypeName;

        Type(String rootTypeName) {
            this.rootTypeName = rootTypeName;
        }

        public String rootTypeName() {
            return rootTypeName;
        }
    }

    /** An argument of a custom operation. */
    public record Argument(String name, FieldType type, Optional<String> description) {
        public Argument {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(description, "description");
        }
    }

    /** What runs a custom operation. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Handler.Function.class, name = "function"),
        @JsonSubTypes.Type(value = Handler.CustomJs.class, name = "customJs"),
        @JsonSubTypes.Type(value = Handler.Generation.class, name = "generation")
    })
    public sealed interface Handler {
        /**
         * A Lambda function of this backend.
         *
         * @param function the function's name
         * @param async true to invoke it as an event (fire and forget)
         */
        record Function(String function, boolean async) implements Handler {
            public Function {
                Objects.requireNonNull(function, "function");
            }
        }

        /**
         * An APPSYNC_JS resolver module written by the user.
         *
         * @param entry the module's path, relative to the project directory
         * @param dataSourceModel the model whose table it reads and writes; the NONE data source when absent
         */
        record CustomJs(String entry, Optional<String> dataSourceModel) implements Handler {
            public CustomJs {
                Objects.requireNonNull(entry, "entry");
                Objects.requireNonNull(dataSourceModel, "dataSourceModel");
            }
        }

        /**
         * A generation route: one Converse call to a Bedrock model, whose answer is the operation's result
         * (structured output for custom types, enums and scalars). Only for queries, and the only handler.
         *
         * @param aiModel the model called
         * @param systemPrompt the system prompt
         * @param inference the inference parameters
         */
        record Generation(AiModel aiModel, String systemPrompt, InferenceConfiguration inference) implements Handler {
            public Generation {
                Objects.requireNonNull(aiModel, "aiModel");
                Objects.requireNonNull(systemPrompt, "systemPrompt");
                Objects.requireNonNull(inference, "inference");
            }
        }
    }

    /** A mutation whose results a custom subscription publishes. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = SubscriptionSource.ModelMutations.class, name = "modelMutations"),
        @JsonSubTypes.Type(value = SubscriptionSource.Mutation.class, name = "mutation")
    })
    public sealed interface SubscriptionSource {
        /** Generated mutations of a model. */
        record ModelMutations(String model, List<MutationKind> mutations) implements SubscriptionSource {
            public ModelMutations {
                Objects.requireNonNull(model, "model");
                mutations = Canonical.enumSet(mutations);
            }
        }

        /** A custom mutation. */
        record Mutation(String name) implements SubscriptionSource {
            public Mutation {
                Objects.requireNonNull(name, "name");
            }
        }
    }

    /** The generated mutations of a model. */
    public enum MutationKind {
        CREATE,
        UPDATE,
        DELETE
    }
}
