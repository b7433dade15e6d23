package io.amplify4j.sandbox.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pagination tokens: URL-safe base64 of a small JSON document naming the table, the index (if any) and the last
 * evaluated key in typed form. Opaque to clients; a token that does not decode, or that belongs to another table or
 * index, or whose key does not fit, is rejected.
 */
final class NextTokens {
    static final String INVALID = "Invalid nextToken: the token is malformed or belongs to another table or index";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NextTokens() {}

    static String encode(String table, Optional<String> index, Map<String, AttributeValue> lastEvaluatedKey) {
        Map<String, Object> document = new TreeMap<>();
        document.put("table", table);
        index.ifPresent(i -> document.put("index", i));
        document.put("key", AttributeValues.toTypedKey(lastEvaluatedKey));
        try {
            byte[] bytes = JSON.writeValueAsBytes(document);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, AttributeValue> decode(String token, String table, Optional<String> index,
            List<KeyAttribute> keyAttributes) {
        Map<?, ?> document;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            document = JSON.readValue(new String(bytes, StandardCharsets.UTF_8), Map.class);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw DynamoDbError.validation(INVALID);
        }
        if (!table.equals(document.get("table")) || !index.map(i -> (Object) i).equals(
                Optional.ofNullable(document.get("index"))) || !(document.get("key") instanceof Map<?, ?> key)) {
            throw DynamoDbError.validation(INVALID);
        }
        Map<String, AttributeValue> decoded = new LinkedHashMap<>();
        try {
            for (Map.Entry<?, ?> entry : key.entrySet()) {
                decoded.put(String.valueOf(entry.getKey()), AttributeValues.fromTyped(entry.getValue()));
            }
        } catch (DynamoDbError e) {
            throw DynamoDbError.validation(INVALID);
        }
        if (decoded.size() != keyAttributes.size()) {
            throw DynamoDbError.validation(INVALID);
        }
        for (KeyAttribute attribute : keyAttributes) {
            AttributeValue value = decoded.get(attribute.name());
            if (value == null || !attribute.matches(value)) {
                throw DynamoDbError.validation(INVALID);
            }
        }
        return decoded;
    }
}
