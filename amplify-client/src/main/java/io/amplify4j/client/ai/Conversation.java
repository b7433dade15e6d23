package io.amplify4j.client.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.amplify4j.client.json.AwsJson;
import java.time.Instant;

/**
 * A conversation of a route: the GraphQL type {@code Conversation<Route>}, kept per owner.
 *
 * @param id the conversation's id
 * @param name its name, or null
 * @param metadata the app's own data about it ({@code AWSJSON}), or null
 * @param owner its owner
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Conversation(String id, String name, @AwsJson JsonNode metadata, String owner, Instant createdAt,
        Instant updatedAt) {}
