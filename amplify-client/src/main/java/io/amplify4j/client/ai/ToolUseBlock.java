package io.amplify4j.client.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.client.json.AwsJson;

/**
 * The model asking to run a tool: the GraphQL type {@code ToolUseBlock}.
 *
 * @param toolUseId the model's id of this tool use
 * @param name the tool
 * @param input the tool's input ({@code AWSJSON})
 */
public record ToolUseBlock(String toolUseId, String name, @AwsJson JsonNode input) {}
