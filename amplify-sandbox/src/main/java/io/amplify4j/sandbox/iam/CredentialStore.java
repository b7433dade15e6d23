package io.amplify4j.sandbox.iam;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary credentials the sandbox has issued, by access key id. Expired credentials stay known for a day
 * (so a request signed with them is told they expired, as AWS does), then are forgotten.
 *
 * <p>Thread-safe.
 */
public final class CredentialStore {
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    /** Credentials and whose they are. */
    public record Issued(TemporaryCredentials credentials, IamSession session) {
        public Issued {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(session, "session");
        }
    }

    public CredentialStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Credentials are forgotten this long after they expire, so that the store stays bounded. */
    public static final Duration RETENTION_AFTER_EXPIRY = Duration.ofDays(1);

    /** Issues fresh credentials for {@code session}, valid for {@code validity} from now. */
    public TemporaryCredentials issue(IamSession session, Duration validity) {
        java.time.Instant forgetBefore = clock.instant().minus(RETENTION_AFTER_EXPIRY);
        issued.values().removeIf(old -> old.credentials().expiration().isBefore(forgetBefore));
        TemporaryCredentials credentials = new TemporaryCredentials(
                "ASIA" + random(16, KEY_ALPHABET),
                random(40, SECRET_ALPHABET),
                "IQoJb3JpZ2luX2VjE" + random(300, SECRET_ALPHABET),
                clock.instant().plus(validity));
        issued.put(credentials.accessKeyId(), new Issued(credentials, session));
        return credentials;
    }

    /** The credentials with this access key id, expired or not. */
    public Optional<Issued> find(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(issued.get(accessKeyId));
    }

    /** Drops credentials; requests signed with them then fail as unknown. */
    public void forget(String accessKeyId) {
        issued.remove(accessKeyId);
    }

    private String random(int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
