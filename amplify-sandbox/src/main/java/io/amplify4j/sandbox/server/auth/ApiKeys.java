package io.amplify4j.sandbox.server.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API keys of a running sandbox, each with an expiry, as AppSync holds them: {@code da2-} followed by 26
 * lowercase letters and digits. A key is accepted until its expiry instant (by the sandbox's clock), never after.
 *
 * <p>Thread-safe.
 */
public final class ApiKeys {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> keys = new ConcurrentHashMap<>();

    public ApiKeys(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An API key and the instant it stops being accepted. */
    public record ApiKey(String value, Instant expires) {
        public ApiKey {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(expires, "expires");
        }
    }

    /** Creates a key valid for {@code validity} from now. */
    public ApiKey create(Duration validity) {
        StringBuilder value = new StringBuilder("da2-");
        for (int i = 0; i < 26; i++) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        ApiKey key = new ApiKey(value.toString(), clock.instant().plus(validity));
        keys.put(key.value(), key.expires());
        return key;
    }

    /** Deletes a key; later requests with it are refused. */
    public void delete(String value) {
        keys.remove(value);
    }

    /** True when {@code value} is a key of this sandbox that has not expired. Compared in constant time. */
    public boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        byte[] given = value.getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        boolean valid = false;
        for (Map.Entry<String, Instant> key : keys.entrySet()) {
            if (MessageDigest.isEqual(key.getKey().getBytes(StandardCharsets.UTF_8), given)
                    && now.isBefore(key.getValue())) {
                valid = true;
            }
        }
        return valid;
    }
}
