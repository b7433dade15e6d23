package io.amplify4j.sandbox.dynamodb.expression;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** DynamoDB's reserved words, from the resource {@code reserved-words.txt} (DynamoDB's published list). */
public final class ReservedWords {
    private static final Set<String> WORDS = load();

    private ReservedWords() {}

    /** Whether {@code word} is reserved (case-insensitive, as in DynamoDB). */
    public static boolean isReserved(String word) {
        return WORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    /** How many words the list holds. */
    public static int count() {
        return WORDS.size();
    }

    private static Set<String> load() {
        String resource = "/io/amplify4j/sandbox/dynamodb/reserved-words.txt";
        try (InputStream in = ReservedWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toUpperCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
