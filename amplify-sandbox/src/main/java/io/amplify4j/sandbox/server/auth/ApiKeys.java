package io.amplify4j.sandbox.server.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private volatile Runnable changeListener = () -> {};

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
        changed(() -> keys.remove(key.value()));
        return key;
    }

    /** Deletes a key; later requests with it are refused. */
    public void delete(String value) {
        Instant expires = keys.remove(value);
        if (expires != null) {
            changed(() -> keys.put(value, expires));
        }
    }

    /** Adds a key made earlier (kept in the data directory), with its expiry; no change is reported. */
    public void restore(ApiKey key) {
        keys.put(key.value(), key.expires());
    }

    /** Every key, expired or not, soonest expiry first (then by value). */
    public List<ApiKey> all() {
        List<ApiKey> all = new ArrayList<>();
        keys.forEach((value, expires) -> all.add(new ApiKey(value, expires)));
        all.sort(Comparator.comparing(ApiKey::expires).thenComparing(ApiKey::value));
        return all;
    }

    /** The valid key that expires last, if any: the one to hand out after a restart. */
    public Optional<ApiKey> longestValid() {
        Instant now = clock.instant();
        return all().stream().filter(k -> now.isBefore(k.expires())).reduce((first, second) -> second);
    }

    /**
     * Called after every change (a key created or deleted), in the changing thread, before the change is reported
     * done; if it throws, the change is undone and the caller gets the failure. The data directory saves keys here.
     */
    public void onChange(Runnable listener) {
        this.changeListener = Objects.requireNonNull(listener, "listener");
    }

    private void changed(Runnable undo) {
        try {
            changeListener.run();
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
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
