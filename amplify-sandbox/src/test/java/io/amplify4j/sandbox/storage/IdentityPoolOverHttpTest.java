package io.amplify4j.sandbox.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.plan.IamPrincipal;
import io.amplify4j.sandbox.iam.CredentialStore;
import io.amplify4j.sandbox.iam.LocalIdentityPool;
import io.amplify4j.sandbox.server.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

/**
 * The identity pool through the AWS SDK's Cognito Identity client: guests and signed-in users get identities and
 * credentials, with the role the plan maps them to; forged, foreign and mismatched logins are refused as the
 * service refuses them.
 */
class IdentityPoolOverHttpTest {
    static Sandbox sandbox;
    static CognitoIdentityClient client;
    static LocalIdentityPool pool;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder(new ShopStorageBackend()).banner(null).requestLog(line -> { })
                .user("alice", "a-long-password-1")
                .user("ada", "a-long-password-3", "ADMINS", "SUPPORT")
                .start();
        client = AwsClients.cognitoIdentity(sandbox);
        pool = sandbox.identityPool().orElseThrow();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    private static Map<String, String> logins(String token) {
        return Map.of(pool.userPoolProviderName().orElseThrow(), token);
    }

    private static CredentialStore.Issued issued(Credentials credentials) {
        return sandbox.iam().credentials().find(credentials.accessKeyId()).orElseThrow();
    }

    @Test
    void guestsGetANewIdentityEachTimeAndGuestCredentials() {
        String first = client.getId(r -> r.identityPoolId(pool.poolId())).identityId();
        String second = client.getId(r -> r.identityPoolId(pool.poolId())).identityId();
        assertThat(first).matches("us-east-1:[0-9a-f-]{36}").isNotEqualTo(second);
        var response = client.getCredentialsForIdentity(r -> r.identityId(first));
        assertThat(response.identityId()).isEqualTo(first);
        Credentials credentials = response.credentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(credentials.secretKey()).hasSize(40);
        assertThat(credentials.sessionToken()).isNotBlank();
        assertThat(credentials.expiration()).isBetween(Instant.now().plus(Duration.ofMinutes(59)),
                Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(issued(credentials).session().principal()).isEqualTo(IamPrincipal.guest());
        assertThat(issued(credentials).session().userArn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/shop-unauthRole/CognitoIdentityCredentials");
    }

    @Test
    void aUserHasOneIdentityAndTheRoleOfTheirLowestPrecedenceGroup() {
        String token = sandbox.idToken("alice");
        String id = client.getId(r -> r.identityPoolId(pool.poolId()).logins(logins(token))).identityId();
        assertThat(client.getId(r -> r.identityPoolId(pool.poolId()).logins(logins(sandbox.idToken("alice"))))
                .identityId()).isEqualTo(id);
        String sub = sandbox.userPool().orElseThrow().user("alice").orElseThrow().sub();
        assertThat(id).isEqualTo(pool.identityIdForSub(sub));
        Credentials credentials = client.getCredentialsForIdentity(r -> r.identityId(id).logins(logins(token)))
                .credentials();
        assertThat(issued(credentials).session().principal()).isEqualTo(IamPrincipal.authenticated());
        assertThat(issued(credentials).session().username()).contains("alice");

        String adaToken = sandbox.idToken("ada");
        String adaId = client.getId(r -> r.identityPoolId(pool.poolId()).logins(logins(adaToken))).identityId();
        Credentials adaCredentials = client.getCredentialsForIdentity(r -> r.identityId(adaId).logins(logins(adaToken)))
                .credentials();
        assertThat(issued(adaCredentials).session().principal()).isEqualTo(IamPrincipal.group("ADMINS"));
        assertThat(issued(adaCredentials).session().roleArn()).isEqualTo("arn:aws:iam::123456789012:role/shop-ADMINSGroupRole");
    }

    @Test
    void forgedExpiredAccessAndForeignLoginsAreRefused() {
        String token = sandbox.idToken("alice");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10)
                + (parts[2].charAt(10) == 'A' ? 'B' : 'A') + parts[2].substring(11);
        assertNotAuthorized(() -> client.getId(r -> r.identityPoolId(pool.poolId()).logins(logins(forged))),
                "Invalid login token.");
        String expired = sandbox.userPool().orElseThrow().tokensFor("alice", Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1)).idToken();
        assertNotAuthorized(() -> client.getId(r -> r.identityPoolId(pool.poolId()).logins(logins(expired))),
                "Token has expired.");
        String access = sandbox.accessToken("alice");
        assertNotAuthorized(() -> client.getId(r -> r.identityPoolId(pool.poolId()).logins(logins(access))),
                "Not a Cognito ID token.");
        assertNotAuthorized(() -> client.getId(r -> r.identityPoolId(pool.poolId())
                .logins(Map.of("accounts.google.com", token))), "Logins must name only this sandbox's user pool");
    }

    @Test
    void credentialsForAUsersIdentityNeedThatUsersLogin() {
        String aliceToken = sandbox.idToken("alice");
        String aliceId = client.getId(r -> r.identityPoolId(pool.poolId()).logins(logins(aliceToken))).identityId();
        assertNotAuthorized(() -> client.getCredentialsForIdentity(r -> r.identityId(aliceId)), "Unauthenticated");
        String adaToken = sandbox.idToken("ada");
        assertNotAuthorized(() -> client.getCredentialsForIdentity(r -> r.identityId(aliceId).logins(logins(adaToken))),
                "Logins don't match.");
    }

    @Test
    void unknownPoolsAndIdentitiesAreNotFound() {
        assertThatThrownBy(() -> client.getId(r -> r.identityPoolId("us-east-1:00000000-0000-0000-0000-000000000000")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.getCredentialsForIdentity(r -> r.identityId(
                "us-east-1:00000000-0000-0000-0000-000000000000"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aBackendWithoutGuestRulesHasNoGuests() {
        try (Sandbox todo = Sandbox.builder(new TodoBackend()).banner(null).requestLog(line -> { })
                .user("alice", "a-long-password-1").start();
                CognitoIdentityClient todoClient = AwsClients.cognitoIdentity(todo)) {
            String poolId = todo.identityPool().orElseThrow().poolId();
            assertThatThrownBy(() -> todoClient.getId(r -> r.identityPoolId(poolId)))
                    .isInstanceOf(NotAuthorizedException.class)
                    .hasMessageContaining("Unauthenticated access is not supported for this identity pool.");
            // Signed-in users still get identities.
            String provider = todo.identityPool().orElseThrow().userPoolProviderName().orElseThrow();
            assertThat(todoClient.getId(r -> r.identityPoolId(poolId)
                    .logins(Map.of(provider, todo.idToken("alice")))).identityId()).startsWith("us-east-1:");
        }
    }

    private static void assertNotAuthorized(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(NotAuthorizedException.class).hasMessageContaining(message);
    }
}
