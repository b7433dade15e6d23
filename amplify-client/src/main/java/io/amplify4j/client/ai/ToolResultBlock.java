package io.amplify4j.client.ai;

import java.util.List;

/**
 * A tool's answer: the GraphQL type {@code ToolResultBlock}.
 *
 * @param toolUseId the tool use it answers
 * @param status {@code success} or {@code error}, or null
 * @param content the answer's parts
 */
public record ToolResultBlock(String toolUseId, String status, List<ToolResultContent> content) {
    public ToolResultBlock {
        content = content == null ? List.of() : List.copyOf(content);
    }
}
