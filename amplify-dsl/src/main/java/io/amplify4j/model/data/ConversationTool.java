package io.amplify4j.model.data;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * A tool a conversation route offers the model: a query of this backend, which the conversation handler runs through
 * the API with the caller's identity (so the caller's authorization applies to what the model can see).
 *
 * @param name the tool's name as the model sees it
 * @param description what the tool does, for the model to decide when to use it
 * @param target the query it runs
 */
public record ConversationTool(String name, String description, Target target) {
    public ConversationTool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(target, "target");
    }

    /** What a tool runs. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Target.Query.class, name = "query"),
        @JsonSubTypes.Type(value = Target.ModelList.class, name = "modelList")
    })
    public sealed interface Target {
        /**
         * A custom query of this backend; the tool's input is the query's arguments.
         *
         * @param operation the custom query's name
         */
        record Query(String operation) implements Target {
            public Query {
                Objects.requireNonNull(operation, "operation");
            }
        }

        /**
         * A model's list operation; the tool's input is its filter, limit and next token.
         *
         * @param model the model's name
         */
        record ModelList(String model) implements Target {
            public ModelList {
                Objects.requireNonNull(model, "model");
            }
        }
    }
}
