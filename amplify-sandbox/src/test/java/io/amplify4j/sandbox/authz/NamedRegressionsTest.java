package io.amplify4j.sandbox.authz;

import static io.amplify4j.sandbox.authz.AuthorizationMatrixTest.UA_ITEM;
import static io.amplify4j.sandbox.authz.AuthorizationMatrixTest.delivered;
import static io.amplify4j.sandbox.authz.AuthorizationMatrixTest.errorTypes;
import static io.amplify4j.sandbox.authz.AuthorizationMatrixTest.item;
import static io.amplify4j.sandbox.authz.Matrix.FN_NO;
import static io.amplify4j.sandbox.authz.Matrix.FN_OK;
import static io.amplify4j.sandbox.authz.Matrix.GUEST;
import static io.amplify4j.sandbox.authz.Matrix.IAM_OTHER;
import static io.amplify4j.sandbox.authz.Matrix.KEY;
import static io.amplify4j.sandbox.authz.Matrix.LAMBDA_AUTH;
import static io.amplify4j.sandbox.authz.Matrix.UA;
import static io.amplify4j.sandbox.authz.Matrix.UADM;
import static io.amplify4j.sandbox.authz.Matrix.UADM2;
import static io.amplify4j.sandbox.authz.Matrix.UB;
import static io.amplify4j.sandbox.authz.Matrix.USTALE;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.authz.Oracle.Mode;
import io.amplify4j.sandbox.authz.Oracle.Principal;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.runtime.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The named regressions of security-and-reliability §5a (and §2), one test each, as far as resolvers decide them.
 * The ones the server decides before any resolver runs (P2 expired key, C2 authorizer deny/throw/timeout, R4 query
 * depth, the ANON half of P3) are documented in {@link RejectedBeforeResolversTest}.
 */
class NamedRegressionsTest {
    static Matrix m;

    @BeforeAll
    static void start() {
        m = new Matrix();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    @AfterEach
    void wipe() {
        m.wipe();
    }

    // ------------------------------------------------------------------------------------------ owner

    @Test
    @DisplayName("O1 owner(): UA creates, and reads back its own item")
    void o1() {
        ResolverResult created = m.run("Mutation", "createOwnedDoc", input(item("content", "mine")), null, UA);
        assertThat(created.errors()).isEmpty();
        assertThat(data(created)).containsEntry("owner", "sub-a::alice");
        ResolverResult got = m.run("Query", "getOwnedDoc", Map.of("id", data(created).get("id")), null, UA);
        assertThat(got.errors()).isEmpty();
        assertThat(got.data()).isEqualTo(created.data());
    }

    @Test
    @DisplayName("O2 owner(): UB can neither get, update nor delete UA's item; get is null plus Unauthorized")
    void o2() {
        Map<String, Object> doc = m.seed("OwnedDoc", UA_ITEM);
        ResolverResult got = m.run("Query", "getOwnedDoc", Map.of("id", doc.get("id")), null, UB);
        assertThat(got.data()).isNull();
        assertThat(errorTypes(got)).containsExactly("Unauthorized");
        assertThat(m.run("Mutation", "updateOwnedDoc", input(item("id", doc.get("id"), "content", "x")), null, UB)
                .ok()).isFalse();
        assertThat(m.run("Mutation", "deleteOwnedDoc", input(item("id", doc.get("id"))), null, UB).ok()).isFalse();
        assertThat(m.stored("OwnedDoc", (String) doc.get("id"))).contains(doc);
    }

    @Test
    @DisplayName("O2 owner(): UB's list holds only UB's items, never UA's")
    void o2List() {
        m.seed("OwnedDoc", UA_ITEM);
        Map<String, Object> bobs = m.seed("OwnedDoc", item("content", "B's", "owner", "sub-b::bob"));
        ResolverResult listed = m.run("Query", "listOwnedDocs", Map.of(), null, UB);
        assertThat(listed.errors()).isEmpty();
        assertThat(data(listed).get("items")).isEqualTo(List.of(bobs));
    }

    @Test
    @DisplayName("O2' owner() with an index on owner (§2 #11): UA queries its own notes; UB querying UA's owner "
            + "value gets nothing; both through a Query, never a key-attribute filter DynamoDB refuses")
    void ownerIndex() {
        Map<String, Object> mine = m.seed("Note", item("content", "a", "owner", "sub-a::alice"));
        m.seed("Note", item("content", "b", "owner", "sub-b::bob"));
        ResolverResult own = m.run("Query", "notesByOwner", Map.of("owner", "sub-a::alice"), null, UA);
        assertThat(own.errors()).isEmpty();
        assertThat(data(own).get("items")).isEqualTo(List.of(mine));
        ResolverResult foreign = m.run("Query", "notesByOwner", Map.of("owner", "sub-a::alice"), null, UB);
        assertThat(foreign.errors()).isEmpty();
        assertThat(data(foreign).get("items")).isEqualTo(List.of());
        ResolverResult bySub = m.run("Query", "notesByOwner", Map.of("owner", "sub-a"), null, UA);
        assertThat(data(bySub).get("items")).isEqualTo(List.of());
    }

    @Test
    @DisplayName("O3 owner(): UA cannot hand its item to UB (owner fields are immutable by default)")
    void o3() {
        Map<String, Object> doc = m.seed("OwnedDoc", UA_ITEM);
        ResolverResult transfer = m.run("Mutation", "updateOwnedDoc",
                input(item("id", doc.get("id"), "owner", "sub-b::bob")), null, UA);
        assertThat(transfer.data()).isNull();
        assertThat(errorTypes(transfer)).containsExactly("Unauthorized");
        assertThat(m.stored("OwnedDoc", (String) doc.get("id"))).contains(doc);
    }

    @Test
    @DisplayName("O3 owner().allowOwnerTransfer(): UA hands its item to UB, then UB has it and UA does not")
    void o3Transfer() {
        Map<String, Object> doc = m.seed("TransferDoc", UA_ITEM);
        Object id = doc.get("id");
        ResolverResult transfer = m.run("Mutation", "updateTransferDoc",
                input(item("id", id, "owner", "sub-b::bob")), null, UA);
        assertThat(transfer.errors()).isEmpty();
        assertThat(m.stored("TransferDoc", (String) id).orElseThrow()).containsEntry("owner", "sub-b::bob");
        assertThat(m.run("Query", "getTransferDoc", Map.of("id", id), null, UA).data()).isNull();
        assertThat(m.run("Query", "getTransferDoc", Map.of("id", id), null, UB).data()).isNotNull();
        // ... and a non-owner cannot take it.
        ResolverResult grab = m.run("Mutation", "updateTransferDoc",
                input(item("id", id, "owner", "sub-a::alice")), null, UA);
        assertThat(grab.ok()).isFalse();
        assertThat(m.stored("TransferDoc", (String) id).orElseThrow()).containsEntry("owner", "sub-b::bob");
    }

    @Test
    @DisplayName("O4 owner(): UA creating an item naming UB as owner is refused; nothing is stored")
    void o4() {
        ResolverResult created = m.run("Mutation", "createOwnedDoc",
                input(item("content", "planted", "owner", "sub-b::bob")), null, UA);
        assertThat(created.data()).isNull();
        assertThat(errorTypes(created)).containsExactly("Unauthorized");
        assertThat(m.all("OwnedDoc")).isEmpty();
    }

    @Test
    @DisplayName("O5 (§2 #3) owner(): a re-registered username (new sub) gets nothing of the old user's; "
            + "a bare stored username matches nobody")
    void o5UsernameReuse() {
        Map<String, Object> doc = m.seed("OwnedDoc", UA_ITEM);
        Principal reborn = new Principal("UA2", Mode.USER_POOL, "sub-a-new", "alice", List.of("Editors"), null);
        assertThat(m.run("Query", "getOwnedDoc", Map.of("id", doc.get("id")), null, reborn).data()).isNull();
        assertThat(m.run("Mutation", "deleteOwnedDoc", input(item("id", doc.get("id"))), null, reborn).ok()).isFalse();

        Map<String, Object> legacy = m.seed("OwnedDoc", item("content", "legacy", "owner", "alice"));
        assertThat(m.run("Query", "getOwnedDoc", Map.of("id", legacy.get("id")), null, UA).data()).isNull();
        assertThat(m.run("Query", "getOwnedDoc", Map.of("id", legacy.get("id")), null, reborn).data()).isNull();

        Map<String, Object> subOnly = m.seed("OwnedDoc", item("content", "sub only", "owner", "sub-a"));
        assertThat(m.run("Query", "getOwnedDoc", Map.of("id", subOnly.get("id")), null, UA).data()).isNotNull();
        assertThat(m.run("Query", "getOwnedDoc", Map.of("id", subOnly.get("id")), null, reborn).data()).isNull();
    }

    @Test
    @DisplayName("O6 ownersDefinedIn(editors): UB listed in editors updates the content")
    void o6() {
        Map<String, Object> doc = m.seed("SharedDoc",
                with(UA_ITEM, "editors", List.of("sub-a::alice", "sub-b::bob")));
        ResolverResult updated = m.run("Mutation", "updateSharedDoc",
                input(item("id", doc.get("id"), "content", "co-edited")), null, UB);
        assertThat(updated.errors()).isEmpty();
        assertThat(m.stored("SharedDoc", (String) doc.get("id")).orElseThrow()).containsEntry("content", "co-edited");
    }

    @Test
    @DisplayName("O7 ownersDefinedIn(editors), default (no transfer): co-owner UB cannot remove UA; UA cannot "
            + "remove UB either")
    void o7() {
        Map<String, Object> doc = m.seed("SharedDoc",
                with(UA_ITEM, "editors", List.of("sub-a::alice", "sub-b::bob")));
        ResolverResult ousted = m.run("Mutation", "updateSharedDoc",
                input(item("id", doc.get("id"), "editors", List.of("sub-b::bob"))), null, UB);
        assertThat(ousted.data()).isNull();
        assertThat(errorTypes(ousted)).containsExactly("Unauthorized");
        ResolverResult pruned = m.run("Mutation", "updateSharedDoc",
                input(item("id", doc.get("id"), "editors", List.of("sub-a::alice"))), null, UA);
        assertThat(pruned.ok()).isFalse();
        assertThat(m.stored("SharedDoc", (String) doc.get("id"))).contains(doc);
    }

    // ------------------------------------------------------------------------------------------ public, guest, authenticated

    @Test
    @DisplayName("P1 publicApiKey().to(READ): KEY gets; KEY cannot create")
    void p1() {
        Map<String, Object> doc = m.seed("ApiKeyReadDoc", UA_ITEM);
        assertThat(m.run("Query", "getApiKeyReadDoc", Map.of("id", doc.get("id")), null, KEY).data()).isEqualTo(doc);
        ResolverResult created = m.run("Mutation", "createApiKeyReadDoc", input(item("content", "x")), null, KEY);
        assertThat(errorTypes(created)).containsExactly("Unauthorized");
        assertThat(m.all("ApiKeyReadDoc")).containsExactly(doc);
    }

    @Test
    @DisplayName("P3 guest().to(READ): GUEST lists; a guest of another identity pool does not")
    void p3() {
        Map<String, Object> doc = m.seed("GuestReadDoc", UA_ITEM);
        ResolverResult listed = m.run("Query", "listGuestReadDocs", Map.of(), null, GUEST);
        assertThat(data(listed).get("items")).isEqualTo(List.of(doc));
        ResolverResult foreign = m.api.execute("Query", "listGuestReadDocs", Map.of(), null,
                Caller.identityPool("us-east-1:99999999-0000-0000-0000-000000000000", "us-east-1:guest-x", true));
        assertThat(foreign.data()).isNull();
        assertThat(errorTypes(foreign)).containsExactly("Unauthorized");
    }

    @Test
    @DisplayName("A1 authenticated(): UB updates UA's item (documents the over-grant)")
    void a1() {
        Map<String, Object> doc = m.seed("AuthedDoc", UA_ITEM);
        assertThat(m.run("Mutation", "updateAuthedDoc", input(item("id", doc.get("id"), "content", "B was here")),
                null, UB).errors()).isEmpty();
        assertThat(m.stored("AuthedDoc", (String) doc.get("id")).orElseThrow()).containsEntry("content", "B was here");
    }

    @Test
    @DisplayName("A2 authenticated(identityPool): UA with a user pool token is refused; the same person through "
            + "the identity pool is admitted")
    void a2() {
        Map<String, Object> doc = m.seed("IdentityPoolDoc", UA_ITEM);
        ResolverResult got = m.run("Query", "getIdentityPoolDoc", Map.of("id", doc.get("id")), null, UA);
        assertThat(got.data()).isNull();
        assertThat(errorTypes(got)).containsExactly("Unauthorized");
        assertThat(m.run("Query", "getIdentityPoolDoc", Map.of("id", doc.get("id")), null, Matrix.IDP_USER).data())
                .isEqualTo(doc);
    }

    @Test
    @DisplayName("A2' authenticated(): a user pool token from another issuer is refused")
    void otherIssuer() {
        Map<String, Object> doc = m.seed("AuthedDoc", UA_ITEM);
        ResolverResult got = m.api.execute("Query", "getAuthedDoc", Map.of("id", doc.get("id")), null,
                Caller.user("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other", "sub-a", "alice",
                        List.of("Admin")));
        assertThat(got.data()).isNull();
        assertThat(errorTypes(got)).containsExactly("Unauthorized");
    }

    // ------------------------------------------------------------------------------------------ groups

    @Test
    @DisplayName("G1 group(Admin): UADM deletes; UA cannot")
    void g1() {
        Map<String, Object> first = m.seed("AdminDoc", UA_ITEM);
        Map<String, Object> second = m.seed("AdminDoc", UA_ITEM);
        assertThat(m.run("Mutation", "deleteAdminDoc", input(item("id", first.get("id"))), null, UA).ok()).isFalse();
        assertThat(m.stored("AdminDoc", (String) first.get("id"))).isPresent();
        assertThat(m.run("Mutation", "deleteAdminDoc", input(item("id", first.get("id"))), null, UADM).errors())
                .isEmpty();
        assertThat(m.run("Mutation", "deleteAdminDoc", input(item("id", second.get("id"))), null, UADM2).errors())
                .isEmpty();
        assertThat(m.all("AdminDoc")).isEmpty();
    }

    @Test
    @DisplayName("G2 group(Admin): USTALE (removed, token still lists Admin) deletes until the token expires; "
            + "with a refreshed token it cannot")
    void g2() {
        Map<String, Object> first = m.seed("AdminDoc", UA_ITEM);
        Map<String, Object> second = m.seed("AdminDoc", UA_ITEM);
        assertThat(m.run("Mutation", "deleteAdminDoc", input(item("id", first.get("id"))), null, USTALE).errors())
                .isEmpty();
        Principal refreshed = new Principal("USTALE'", Mode.USER_POOL, USTALE.sub(), USTALE.username(), List.of(),
                null);
        assertThat(m.run("Mutation", "deleteAdminDoc", input(item("id", second.get("id"))), null, refreshed).ok())
                .isFalse();
        assertThat(m.all("AdminDoc")).containsExactly(second);
    }

    @Test
    @DisplayName("G3 groupDefinedIn(team): UA (in Editors) reads and updates an item of team Editors; UB and "
            + "UADM do not")
    void g3() {
        Map<String, Object> doc = m.seed("TeamDoc", UA_ITEM);
        assertThat(m.run("Query", "getTeamDoc", Map.of("id", doc.get("id")), null, UA).data()).isEqualTo(doc);
        assertThat(m.run("Query", "getTeamDoc", Map.of("id", doc.get("id")), null, UB).data()).isNull();
        assertThat(m.run("Query", "getTeamDoc", Map.of("id", doc.get("id")), null, UADM).data()).isNull();
        assertThat(m.run("Mutation", "updateTeamDoc", input(item("id", doc.get("id"), "content", "ok")), null, UA)
                .errors()).isEmpty();
        // A member cannot move the item to a team of its choosing (group fields are immutable too).
        ResolverResult moved = m.run("Mutation", "updateTeamDoc",
                input(item("id", doc.get("id"), "team", "Admin")), null, UA);
        assertThat(moved.ok()).isFalse();
        assertThat(m.stored("TeamDoc", (String) doc.get("id")).orElseThrow()).containsEntry("team", "Editors");
    }

    // ------------------------------------------------------------------------------------------ custom, IAM

    @Test
    @DisplayName("C1 custom(): LAMBDA_AUTH gets the item; deniedFields are removed by the server, not resolvers")
    void c1() {
        Map<String, Object> doc = m.seed("CustomDoc", UA_ITEM);
        assertThat(m.run("Query", "getCustomDoc", Map.of("id", doc.get("id")), null, LAMBDA_AUTH).data())
                .isEqualTo(doc);
        assertThat(m.run("Query", "getCustomDoc", Map.of("id", doc.get("id")), null, UADM).data()).isNull();
    }

    @Test
    @DisplayName("I1 resource(reporter).to(QUERY): FN_OK queries; FN_OK cannot mutate or subscribe")
    void i1() {
        Map<String, Object> doc = m.seed("OwnedDoc", UA_ITEM);
        assertThat(m.run("Query", "getOwnedDoc", Map.of("id", doc.get("id")), null, FN_OK).data()).isEqualTo(doc);
        assertThat(data(m.run("Query", "listOwnedDocs", Map.of(), null, FN_OK)).get("items")).isEqualTo(List.of(doc));
        assertThat(errorTypes(m.run("Mutation", "createOwnedDoc", input(item("content", "x")), null, FN_OK)))
                .containsExactly("Unauthorized");
        assertThat(m.run("Mutation", "deleteOwnedDoc", input(item("id", doc.get("id"))), null, FN_OK).ok()).isFalse();
        assertThat(errorTypes(m.run("Subscription", "onCreateOwnedDoc", Map.of(), null, FN_OK)))
                .containsExactly("Unauthorized");
        assertThat(m.all("OwnedDoc")).containsExactly(doc);
    }

    @Test
    @DisplayName("I2 no grant: FN_NO and IAM_OTHER are refused (stricter than cloud Amplify, §2 #10), as are "
            + "look-alike roles")
    void i2() {
        Map<String, Object> doc = m.seed("OwnedDoc", UA_ITEM);
        for (Principal p : List.of(FN_NO, IAM_OTHER)) {
            ResolverResult got = m.run("Query", "getOwnedDoc", Map.of("id", doc.get("id")), null, p);
            assertThat(got.data()).as(p.name()).isNull();
            assertThat(errorTypes(got)).containsExactly("Unauthorized");
        }
        for (String arn : List.of(
                "arn:aws:sts::123456789012:assumed-role/" + Matrix.REPORTER_ROLE + "-evil/session",
                "arn:aws:sts::999999999999:assumed-role/" + Matrix.REPORTER_ROLE + "/session",
                "arn:aws:iam::123456789012:user/" + Matrix.REPORTER_ROLE,
                "arn:aws:sts::123456789012:assumed-role/x/" + Matrix.REPORTER_ROLE)) {
            ResolverResult got = m.api.execute("Query", "getOwnedDoc", Map.of("id", doc.get("id")), null,
                    Caller.iam(arn));
            assertThat(got.data()).as(arn).isNull();
        }
    }

    // ------------------------------------------------------------------------------------------ fields

    @Test
    @DisplayName("F1 ssn readable by the owner only: UB reads UA's patient; ssn is null plus an error, the rest "
            + "is returned")
    void f1() {
        Map<String, Object> patient = m.seed("Patient", AuthorizationMatrixTest.PATIENT);
        ResolverResult got = m.run("Query", "getPatient", Map.of("id", patient.get("id")), null, UB);
        assertThat(data(got)).containsEntry("content", "chart").containsEntry("ssn", null);
        assertThat(got.errors()).extracting(e -> e.errorType().orElse(""), e -> e.message().contains("ssn"))
                .contains(org.assertj.core.groups.Tuple.tuple("Unauthorized", true));
        assertThat(data(m.run("Query", "getPatient", Map.of("id", patient.get("id")), null, UA)))
                .containsEntry("ssn", "123-45-6789");
    }

    @Test
    @DisplayName("F2 ssn rule to(READ) only: even its owner UA cannot write ssn, on update or on create")
    void f2() {
        Map<String, Object> patient = m.seed("Patient", AuthorizationMatrixTest.PATIENT);
        ResolverResult updated = m.run("Mutation", "updatePatient",
                input(item("id", patient.get("id"), "ssn", "000-00-0000")), null, UA);
        assertThat(updated.data()).isNull();
        assertThat(errorTypes(updated)).containsExactly("Unauthorized");
        assertThat(m.stored("Patient", (String) patient.get("id"))).contains(patient);
        ResolverResult created = m.run("Mutation", "createPatient",
                input(item("content", "c", "owner", "sub-a::alice", "ssn", "1")), null, UA);
        assertThat(created.data()).isNull();
        assertThat(m.all("Patient")).containsExactly(patient);
    }

    @Test
    @DisplayName("F3 salary Admin-only: UA's update succeeds, but its response redacts salary (null plus error)")
    void f3() {
        Map<String, Object> patient = m.seed("Patient", AuthorizationMatrixTest.PATIENT);
        ResolverResult updated = m.run("Mutation", "updatePatient",
                input(item("id", patient.get("id"), "content", "new chart")), null, UA);
        assertThat(data(updated)).containsEntry("content", "new chart").containsEntry("salary", null);
        assertThat(errorTypes(updated)).containsExactly("Unauthorized");
        assertThat(m.stored("Patient", (String) patient.get("id")).orElseThrow()).containsEntry("salary", "90000");
    }

    @Test
    @DisplayName("F4 (probing) salary Admin-only: UB cannot learn it through a list filter, an update condition or "
            + "a subscription filter; UADM can filter on it")
    void f4() {
        Map<String, Object> patient = m.seed("Patient", AuthorizationMatrixTest.PATIENT);
        Object id = patient.get("id");
        for (String guess : List.of("90000", "12345")) {
            ResolverResult listed = m.run("Query", "listPatients",
                    Map.of("filter", Map.of("or", List.of(Map.of("salary", Map.of("eq", guess))))), null, UB);
            assertThat(listed.data()).isNull();
            assertThat(errorTypes(listed)).containsExactly("Unauthorized");
            ResolverResult updated = m.run("Mutation", "updatePatient", Map.of("input", item("id", id, "content", "x"),
                    "condition", Map.of("not", Map.of("salary", Map.of("eq", guess)))), null, UB);
            assertThat(updated.data()).isNull();
            assertThat(errorTypes(updated)).containsExactly("Unauthorized");
            ResolverResult subscribed = m.run("Subscription", "onUpdatePatient",
                    Map.of("filter", Map.of("salary", Map.of("eq", guess))), null, UB);
            assertThat(errorTypes(subscribed)).containsExactly("Unauthorized");
        }
        assertThat(m.stored("Patient", (String) id)).contains(patient);
        ResolverResult admin = m.run("Query", "listPatients",
                Map.of("filter", Map.of("salary", Map.of("eq", "90000"))), null, UADM);
        assertThat(data(admin).get("items")).isEqualTo(List.of(with(patient, "ssn", null))); // ssn: owner only
    }

    @Test
    @DisplayName("F4 (probing) ssn owner-only: a filter on ssn ranges only over the caller's own patients")
    void f4OwnerOnly() {
        m.seed("Patient", AuthorizationMatrixTest.PATIENT);
        Map<String, Object> bobs = m.seed("Patient", item("content", "B", "owner", "sub-b::bob", "ssn", "123-45-6789"));
        ResolverResult listed = m.run("Query", "listPatients",
                Map.of("filter", Map.of("ssn", Map.of("beginsWith", "123"))), null, UB);
        assertThat(listed.errors()).isEmpty();
        assertThat(data(listed).get("items")).isEqualTo(List.of(bobs));
        ResolverResult subscribed = m.run("Subscription", "onCreatePatient",
                Map.of("filter", Map.of("ssn", Map.of("beginsWith", "123"))), null, UB);
        assertThat(delivered(subscribed, AuthorizationMatrixTest.PATIENT)).isFalse();
        assertThat(delivered(subscribed, bobs)).isTrue();
    }

    // ------------------------------------------------------------------------------------------ subscriptions

    @Test
    @DisplayName("S1 owner(): UB subscribes to onCreate; UA's creation is not delivered to UB, but is to UA")
    void s1() {
        Map<String, Object> event = created("OwnedDoc", UA);
        assertThat(delivered(m.run("Subscription", "onCreateOwnedDoc", Map.of(), null, UB), event)).isFalse();
        assertThat(delivered(m.run("Subscription", "onCreateOwnedDoc", Map.of(), null, UA), event)).isTrue();
    }

    @Test
    @DisplayName("S1' a client filter narrows, never widens: UB filtering on owner eq UA's owner receives nothing")
    void clientFilterNarrows() {
        Map<String, Object> event = created("OwnedDoc", UA);
        Map<String, Object> filter = Map.of("filter", Map.of("owner", Map.of("eq", "sub-a::alice")));
        assertThat(delivered(m.run("Subscription", "onCreateOwnedDoc", filter, null, UB), event)).isFalse();
        Map<String, Object> ownerArg = Map.of("owner", "sub-a::alice");
        assertThat(delivered(m.run("Subscription", "onCreateOwnedDoc", ownerArg, null, UB), event)).isFalse();
        // ... and narrows for an allowed subscriber.
        Map<String, Object> other = Map.of("filter", Map.of("content", Map.of("eq", "something else")));
        assertThat(delivered(m.run("Subscription", "onCreateOwnedDoc", other, null, UA), event)).isFalse();
        // The same holds for a static rule.
        Map<String, Object> authed = created("AuthedDoc", UA);
        assertThat(delivered(m.run("Subscription", "onCreateAuthedDoc", other, null, UB), authed)).isFalse();
        assertThat(delivered(m.run("Subscription", "onCreateAuthedDoc", Map.of(), null, UB), authed)).isTrue();
    }

    @Test
    @DisplayName("S3 ownersDefinedIn(editors): UB listed in editors receives onUpdate of the item")
    void s3() {
        Map<String, Object> doc = m.seed("SharedDoc", with(UA_ITEM, "editors", List.of("sub-a::alice", "sub-b::bob")));
        ResolverResult updated = m.run("Mutation", "updateSharedDoc",
                input(item("id", doc.get("id"), "content", "v2")), null, UA);
        assertThat(updated.errors()).isEmpty();
        assertThat(delivered(m.run("Subscription", "onUpdateSharedDoc", Map.of(), null, UB), data(updated)))
                .isTrue();
        assertThat(delivered(m.run("Subscription", "onUpdateSharedDoc", Map.of(), null, UADM), data(updated)))
                .isFalse();
    }

    @Test
    @DisplayName("S4 groupDefinedIn(team): UB (not in the team) receives nothing; UADM2 (in Editors) does")
    void s4() {
        Map<String, Object> event = created("TeamDoc", UA);
        assertThat(delivered(m.run("Subscription", "onCreateTeamDoc", Map.of(), null, UB), event)).isFalse();
        assertThat(delivered(m.run("Subscription", "onCreateTeamDoc", Map.of(), null, UADM2), event)).isTrue();
    }

    @Test
    @DisplayName("S4' groupDefinedIn(team): a subscriber in six groups gets a filter AppSync accepts (in lists of "
            + "at most five) and receives its team's events")
    void manyGroups() {
        Map<String, Object> event = created("TeamDoc", UA);
        ResolverResult subscribed = m.run("Subscription", "onCreateTeamDoc", Map.of(), null, Matrix.UMANY);
        assertThat(delivered(subscribed, event)).isTrue(); // delivered() also checks AppSync's filter limits
        assertThat(delivered(subscribed, with(event, "team", "Admin"))).isFalse();
    }

    /**
     * S5: per-subscriber redaction happens at delivery, in the server, from the field's auth directive in the SDL;
     * resolvers cannot do it (a subscription resolver runs once, at subscribe time). What the resolvers and the
     * plan must provide: the mutation result of an Admin carries salary, and the SDL marks salary Admin-only.
     */
    @Test
    @DisplayName("S5 salary Admin-only: UADM's mutation result carries salary; the SDL marks it Admin-only for "
            + "the server's per-subscriber redaction")
    void s5() {
        Map<String, Object> patient = m.seed("Patient", AuthorizationMatrixTest.PATIENT);
        ResolverResult updated = m.run("Mutation", "updatePatient",
                input(item("id", patient.get("id"), "salary", "95000")), null, UADM);
        assertThat(data(updated)).containsEntry("salary", "95000");
        assertThat(m.plan.schema()).contains("salary: String @aws_iam @aws_cognito_user_pools(cognito_groups: [\"Admin\"])");
        assertThat(delivered(m.run("Subscription", "onUpdatePatient", Map.of(), null, UA), data(updated))).isTrue();
        assertThat(delivered(m.run("Subscription", "onUpdatePatient", Map.of(), null, UADM), data(updated))).isTrue();
    }

    // ------------------------------------------------------------------------------------------ relationships

    @Test
    @DisplayName("R1 Post(owner) hasMany Comment(authenticated read): UB cannot get UA's post")
    void r1() {
        Map<String, Object> post = m.seed("Post", item("title", "A's", "owner", "sub-a::alice"));
        ResolverResult got = m.run("Query", "getPost", Map.of("id", post.get("id")), null, UB);
        assertThat(got.data()).isNull();
        assertThat(errorTypes(got)).containsExactly("Unauthorized");
    }

    @Test
    @DisplayName("R2 UB gets a comment of UA's post: the comment is returned, comment.post is null plus an error")
    void r2() {
        Map<String, Object> post = m.seed("Post", item("title", "A's", "owner", "sub-a::alice"));
        Map<String, Object> comment = m.seed("Comment", item("postId", post.get("id"), "content", "hi"));
        ResolverResult got = m.run("Query", "getComment", Map.of("id", comment.get("id")), null, UB);
        assertThat(got.data()).isEqualTo(comment);
        ResolverResult parent = m.run("Comment", "post", Map.of(), got.data(), UB);
        assertThat(parent.data()).isNull();
        assertThat(errorTypes(parent)).containsExactly("Unauthorized");
        assertThat(m.run("Comment", "post", Map.of(), got.data(), UA).data()).isEqualTo(post);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Map<String, Object> created(String model, Principal who) {
        ResolverResult result = m.run("Mutation", "create" + model, input(item("content", "news", "team", "Editors",
                "teams", List.of("Editors"))), null, who);
        assertThat(result.errors()).isEmpty();
        return data(result);
    }

    static Map<String, Object> input(Map<String, Object> input) {
        return Map.of("input", input);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(ResolverResult result) {
        assertThat(result.data()).as("data of %s", result.errors()).isInstanceOf(Map.class);
        return (Map<String, Object>) result.data();
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
