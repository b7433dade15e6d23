package io.amplify4j.client.ai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.client.json.AwsJson;

/**
 * A part of a tool's answer: the GraphQL type {@code ToolResultContent}, text or JSON.
 *
 * @param text the text, or null
 * @param json the JSON value ({@code AWSJSON}), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolResultContent(String text, @AwsJson JsonNode json) {}
