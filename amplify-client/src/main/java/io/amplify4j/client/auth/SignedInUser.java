package io.amplify4j.client.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A signed-in user's tokens kept fresh: a {@link Supplier} of the ID token (or access token) for
 * {@link AuthProviders#userPool(Supplier)} that signs in on first use and again, or refreshes, when the tokens are
 * within a margin of expiry. Thread-safe.
 *
 * <pre>{@code
 * SignedInUser alice = SignedInUser.of(() -> cognito.signIn("alice", pwd), t -> cognito.refresh(
 *         t.refreshToken().orElseThrow(), "alice"));
 * GraphQLClient client = GraphQLClient.builder().endpoint(url).auth(AuthProviders.userPool(alice)).build();
 * }</pre>
 */
public final class SignedInUser implements Supplier<String> {
    private static final Duration MARGIN = Duration.ofMinutes(2);

    private final Supplier<Tokens> signIn;
    private final Optional<Function<Tokens, Tokens>> refresh;
    private final Clock clock;
    private final boolean accessToken;
    private Tokens current;

    private SignedInUser(Supplier<Tokens> signIn, Optional<Function<Tokens, Tokens>> refresh, Clock clock,
            boolean accessToken) {
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.refresh = refresh;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accessToken = accessToken;
    }

    /** Signs in with {@code signIn} whenever fresh tokens are needed (the sandbox has no refresh tokens). */
    public static SignedInUser of(Supplier<Tokens> signIn) {
        return new SignedInUser(signIn, Optional.empty(), Clock.systemUTC(), false);
    }

    /** Signs in once with {@code signIn}, then renews with {@code refresh} (falling back to sign-in if it fails). */
    public static SignedInUser of(Supplier<Tokens> signIn, Function<Tokens, Tokens> refresh) {
        return new SignedInUser(signIn, Optional.of(refresh), Clock.systemUTC(), false);
    }

    /** The same user, supplying the access token instead of the ID token. */
    public SignedInUser accessTokens() {
        return new SignedInUser(signIn, refresh, clock, true);
    }

    /** The same user, with expiry judged by {@code clock}. */
    public SignedInUser withClock(Clock clock) {
        return new SignedInUser(signIn, refresh, clock, accessToken);
    }

    /** Current tokens, renewed when missing or within two minutes of expiry. */
    public synchronized Tokens tokens() {
        if (current == null) {
            current = signIn.get();
        } else if (!clock.instant().isBefore(current.expiresAt().minus(MARGIN))) {
            Tokens old = current;
            current = refresh.map(r -> {
                try {
                    return r.apply(old);
                } catch (SignInException e) {
                    return signIn.get();
                }
            }).orElseGet(signIn);
        }
        return current;
    }

    @Override
    public String get() {
        Tokens tokens = tokens();
        return accessToken ? tokens.accessToken() : tokens.idToken();
    }
}
