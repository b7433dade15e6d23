package io.amplify4j.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-subscriber field redaction (security-and-reliability §2 #6, §5a S5): one mutation's event reaches every
 * subscriber of {@code onUpdatePatient}, each seeing only the fields it may read, decided at delivery with the
 * subscriber's identity, not once with the mutating caller's. {@code salary} is for the Admin group (an
 * {@code @aws_cognito_user_pools(cognito_groups:)} directive), {@code ssn} for the patient's owner (a field rule
 * the plan's response filter applies). Denied fields arrive as null; the event is otherwise whole.
 */
@SandboxTest(definition = FaultBackend.class, users = {"alice", "bob", "boss:Admin"}, resetData = true,
        logRequests = false)
class SubscriptionRedactionOverWebSocketTest {
    static final String ON_UPDATE = "subscription { onUpdatePatient { id content owner ssn salary } }";
    static final String CREATE = "mutation C($input: CreatePatientInput!) { createPatient(input: $input) {"
            + " id content owner ssn salary } }";
    static final String UPDATE = "mutation U($input: UpdatePatientInput!) { updatePatient(input: $input) {"
            + " id content owner ssn salary } }";

    private final Sandbox sandbox;

    SubscriptionRedactionOverWebSocketTest(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    private Http.Response send(String user, String query, Map<String, Object> variables) {
        return Http.graphql(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user), query, variables);
    }

    private Ws subscribed(String user) {
        Map<String, Object> auth = Ws.auth(sandbox.graphqlEndpoint(), "Authorization", sandbox.idToken(user));
        Ws ws = Ws.withSubprotocolAuth(sandbox.realtimeEndpoint(), auth);
        ws.init();
        ws.start(user, ON_UPDATE, Map.of(), auth);
        ws.next("start_ack");
        return ws;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(Ws ws) {
        Map<String, Object> message = ws.next("data");
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) message.get("payload"))
                .get("data")).get("onUpdatePatient");
    }

    private static Map<String, Object> with(Map<String, Object> base, Object ssn, Object salary) {
        Map<String, Object> out = new HashMap<>(base);
        out.put("ssn", ssn);
        out.put("salary", salary);
        return out;
    }

    @Test
    void eachSubscriberSeesOnlyTheFieldsItMayRead() {
        String aliceOwner = sandbox.userPool().orElseThrow().user("alice").orElseThrow().sub() + "::alice";
        Map<String, Object> patient = send("alice", CREATE, Map.of("input",
                Map.of("content", "chart", "owner", aliceOwner, "ssn", "123-45-6789"))).dataMap("createPatient");
        assertThat(patient).containsEntry("ssn", "123-45-6789");
        Http.Response salaried = send("boss", UPDATE, Map.of("input", Map.of("id", patient.get("id"),
                "salary", "90000")));
        assertThat(salaried.dataMap("updatePatient")).containsEntry("salary", "90000");

        try (Ws alice = subscribed("alice"); Ws bob = subscribed("bob"); Ws boss = subscribed("boss")) {
            // Alice, the owner, updates and reads her ssn back; her response cannot show the salary.
            Http.Response byAlice = send("alice", UPDATE, Map.of("input", Map.of("id", patient.get("id"),
                    "content", "v2")));
            Map<String, Object> update = byAlice.dataMap("updatePatient");
            assertThat(update).containsEntry("ssn", "123-45-6789").containsEntry("salary", null);

            assertThat(event(alice)).isEqualTo(with(update, "123-45-6789", null));
            assertThat(event(bob)).isEqualTo(with(update, null, null));
            assertThat(event(boss)).isEqualTo(with(update, null, null));

            // The Admin updates: its response carries the salary, but not the ssn (it is not the owner).
            Map<String, Object> byBoss = send("boss", UPDATE, Map.of("input", Map.of("id", patient.get("id"),
                    "content", "v3", "salary", "95000"))).dataMap("updatePatient");
            assertThat(byBoss).containsEntry("salary", "95000").containsEntry("ssn", null);

            assertThat(event(boss)).isEqualTo(with(byBoss, null, "95000"));
            assertThat(event(alice)).isEqualTo(with(byBoss, null, null));
            assertThat(event(bob)).isEqualTo(with(byBoss, null, null));
            assertThat(bob.next(Duration.ofMillis(300))).isNull();
        }
    }
}
