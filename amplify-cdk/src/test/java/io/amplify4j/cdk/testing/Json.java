package io.amplify4j.cdk.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small JSON-object literals for CDK assertions, beyond {@code Map.of}'s ten pairs. */
public final class Json {
    private Json() {}

    /** An object from alternating keys and values. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
