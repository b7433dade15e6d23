package io.amplify4j.samples.client;

import io.amplify4j.client.AuthMode;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.client.auth.SandboxSignIn;
import io.amplify4j.client.auth.SignedInUser;
import io.amplify4j.sandbox.server.Sandbox;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** GraphQL clients of sandbox users, signed in through the sandbox's issuer, with the API key as second mode. */
final class Clients {
    static final String PASSWORD = "correct-horse-battery";

    private Clients() {}

    static GraphQLClient signedIn(Sandbox sandbox, String user) {
        SandboxSignIn signIn = SandboxSignIn.at(sandbox.graphqlEndpoint());
        GraphQLClient.Builder builder = GraphQLClient.builder()
                .endpoint(sandbox.graphqlEndpoint())
                .auth(AuthProviders.userPool(SignedInUser.of(() -> signIn.signIn(user, PASSWORD))))
                .requestTimeout(Duration.ofSeconds(30));
        sandbox.apiKey().ifPresent(key -> builder.auth(AuthMode.API_KEY, AuthProviders.apiKey(key)));
        return builder.build();
    }

    /** Events of a subscription, collected for assertions. */
    static final class Events<T> {
        final BlockingQueue<T> received = new LinkedBlockingQueue<>();
        final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();

        void add(T event) {
            received.add(event);
        }

        void error(Throwable error) {
            errors.add(error);
        }

        T next() throws InterruptedException {
            T event = received.poll(20, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no event within 20 s; errors: " + errors);
            }
            return event;
        }

        /** What arrived within a short grace period (for "nothing else arrives" checks). */
        T poll() throws InterruptedException {
            return received.poll(300, TimeUnit.MILLISECONDS);
        }
    }
}
