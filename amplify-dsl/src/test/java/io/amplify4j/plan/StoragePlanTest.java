package io.amplify4j.plan;

import static io.amplify4j.model.storage.StorageAction.DELETE;
import static io.amplify4j.model.storage.StorageAction.READ;
import static io.amplify4j.model.storage.StorageAction.WRITE;
import static io.amplify4j.plan.StorageOperation.GET;
import static io.amplify4j.plan.StorageOperation.LIST;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.dsl.AuthBuilder;
import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.FunctionRef;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.manifest.Json;
import io.amplify4j.plan.StorageStatement.Effect;
import io.amplify4j.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The storage plan: Amplify's policies per principal (§3.1–3.3), our union stance, and the matcher over them. */
class StoragePlanTest {
    private static final String SUB = StorageStatement.IDENTITY_ID_VARIABLE;
    private static final BackendPlan SHOP = BackendPlan.of(new ShopBackend().define());
    private static final BucketPlan MEDIA = SHOP.storage().bucket("media").orElseThrow();
    private static final Optional<String> ALICE = Optional.of("eu-west-1:11111111-1111-1111-1111-111111111111");
    private static final Optional<String> BOB = Optional.of("eu-west-1:22222222-2222-2222-2222-222222222222");

    private static StorageStatement allow(StorageOperation operation, String... paths) {
        return new StorageStatement(Effect.ALLOW, operation, List.of(paths));
    }

    private static StorageStatement deny(StorageOperation operation, String... paths) {
        return new StorageStatement(Effect.DENY, operation, List.of(paths));
    }

    private static List<StorageStatement> statements(BucketPlan bucket, IamPrincipal principal) {
        return bucket.policy(principal).orElseThrow().statements();
    }

    @Test
    void shopPoliciesMatchTheGoldenFile() {
        Golden.assertMatches("storage/shop-media.json", Json.write(MEDIA.toIamDocuments("arn:aws:s3:::media")));
    }

    @Test
    void shopPrincipalsInFixedOrder() {
        assertThat(MEDIA.policies()).extracting(p -> p.principal().key()).containsExactly(
                "guest", "authenticated", "group:ADMINS", "group:SUPPORT", "function:thumbnails");
    }

    @Test
    void shopGuestReadsProductsOnly() {
        assertThat(statements(MEDIA, IamPrincipal.guest())).containsExactly(
                allow(GET, "products/*"), allow(LIST, "products/*"));
    }

    @Test
    void shopAuthenticatedRoleCarriesTheEntityGrantsWithTheIdentityVariable() {
        assertThat(statements(MEDIA, IamPrincipal.authenticated())).containsExactly(
                allow(GET, "products/*", "uploads/" + SUB + "/*"),
                allow(LIST, "products/*", "uploads/" + SUB + "/*"),
                allow(StorageOperation.WRITE, "uploads/" + SUB + "/*"),
                allow(StorageOperation.DELETE, "uploads/" + SUB + "/*"));
    }

    @Test
    void shopAdminsKeepTheirEntityGrantsAndReadEveryUploadFolder() {
        // uploads/{entity_id}/* for a group becomes uploads/*/* and is trimmed to uploads/*, which covers the
        // entity path, so the latter is collapsed for reading; writing stays limited to the own folder.
        assertThat(statements(MEDIA, IamPrincipal.group("ADMINS"))).containsExactly(
                allow(GET, "products/*", "uploads/*"),
                allow(LIST, "products/*", "uploads/*"),
                allow(StorageOperation.WRITE, "products/*", "uploads/" + SUB + "/*"),
                allow(StorageOperation.DELETE, "products/*", "uploads/" + SUB + "/*"));
    }

    @Test
    void groupsWithoutStorageRulesGetTheAuthenticatedGrants() {
        assertThat(statements(MEDIA, IamPrincipal.group("SUPPORT")))
                .isEqualTo(statements(MEDIA, IamPrincipal.authenticated()));
    }

    @Test
    void functionGetsExactlyItsGrant() {
        assertThat(statements(MEDIA, IamPrincipal.function("thumbnails"))).containsExactly(
                allow(GET, "products/*"), allow(StorageOperation.WRITE, "products/*"));
        assertThat(MEDIA.policy(IamPrincipal.function("recommend"))).isEmpty();
    }

    @Test
    void listStatementsUseThePrefixConditionOnTheBucket() {
        StorageStatement list = statements(MEDIA, IamPrincipal.guest()).get(1);
        assertThat(list.listPrefixConditions()).containsExactly("products/*", "products/");
        assertThat(list.toIam("arn:aws:s3:::b")).containsEntry("Resource", List.of("arn:aws:s3:::b"));
    }

    // ---- the matcher over the same statements ----

    @Test
    void guestMatrix() {
        IamPrincipal guest = IamPrincipal.guest();
        Optional<String> id = ALICE;
        assertThat(MEDIA.allows(guest, id, GET, "products/p1.png")).isTrue();
        assertThat(MEDIA.allows(guest, id, LIST, "products/")).isTrue();
        assertThat(MEDIA.allows(guest, id, LIST, "products/shoes")).isTrue();
        assertThat(MEDIA.allows(guest, id, LIST, "products")).isFalse();
        assertThat(MEDIA.allows(guest, id, LIST, "")).isFalse();
        assertThat(MEDIA.allows(guest, id, StorageOperation.WRITE, "products/p1.png")).isFalse();
        assertThat(MEDIA.allows(guest, id, StorageOperation.DELETE, "products/p1.png")).isFalse();
        assertThat(MEDIA.allows(guest, id, GET, "uploads/" + id.get() + "/a.png")).isFalse();
        assertThat(MEDIA.allows(guest, id, GET, "other/a.png")).isFalse();
    }

    @Test
    void entityMatrixUsesTheCallersOwnIdentityId() {
        IamPrincipal user = IamPrincipal.authenticated();
        String own = "uploads/" + ALICE.get() + "/a.png";
        String foreign = "uploads/" + BOB.get() + "/a.png";
        for (StorageOperation op : StorageOperation.values()) {
            String target = op == LIST ? "uploads/" + ALICE.get() + "/" : own;
            assertThat(MEDIA.allows(user, ALICE, op, target)).as(op.name()).isTrue();
            String other = op == LIST ? "uploads/" + BOB.get() + "/" : foreign;
            assertThat(MEDIA.allows(user, ALICE, op, other)).as(op.name()).isFalse();
        }
        assertThat(MEDIA.allows(user, ALICE, LIST, "uploads/")).isFalse();
        assertThat(MEDIA.allows(user, Optional.empty(), GET, own)).isFalse();
        assertThat(MEDIA.allows(user, ALICE, StorageOperation.WRITE, "products/p1.png")).isFalse();
    }

    @Test
    void adminsReadEveryFolderButWriteOnlyTheirOwn() {
        IamPrincipal admins = IamPrincipal.group("ADMINS");
        assertThat(MEDIA.allows(admins, ALICE, GET, "uploads/" + BOB.get() + "/a.png")).isTrue();
        assertThat(MEDIA.allows(admins, ALICE, LIST, "uploads/")).isTrue();
        assertThat(MEDIA.allows(admins, ALICE, StorageOperation.WRITE, "uploads/" + BOB.get() + "/a.png")).isFalse();
        assertThat(MEDIA.allows(admins, ALICE, StorageOperation.WRITE, "uploads/" + ALICE.get() + "/a.png")).isTrue();
        assertThat(MEDIA.allows(admins, ALICE, StorageOperation.DELETE, "products/p1.png")).isTrue();
    }

    @Test
    void keysAreLiteralSoDotSegmentsStayInsideTheirPrefix() {
        // IAM compares keys as text: "products/../uploads/..." is a key under products/, never the uploads object.
        String sneaky = "products/../uploads/" + BOB.get() + "/a.png";
        assertThat(MEDIA.allows(IamPrincipal.guest(), ALICE, GET, sneaky)).isTrue();
        assertThat(MEDIA.allows(IamPrincipal.authenticated(), ALICE, StorageOperation.WRITE,
                "uploads/" + ALICE.get() + "/../" + BOB.get() + "/a.png")).isTrue();
        assertThat(MEDIA.allows(IamPrincipal.authenticated(), ALICE, StorageOperation.WRITE,
                "uploads/" + BOB.get() + "/../" + ALICE.get() + "/a.png")).isFalse();
    }

    @Test
    void identityIdsAreMatchedLiterallyNotAsPatterns() {
        Optional<String> star = Optional.of("*");
        assertThat(MEDIA.allows(IamPrincipal.authenticated(), star, GET, "uploads/" + BOB.get() + "/a.png")).isFalse();
        assertThat(MEDIA.allows(IamPrincipal.authenticated(), star, GET, "uploads/*/a.png")).isTrue();
    }

    // ---- §3 examples ----

    private static BucketPlan bucket(Consumer<Fixture> rules) {
        return BackendPlan.of(bucketBackend(rules)).storage().bucket("files").orElseThrow();
    }

    private record Fixture(BackendBuilder backend, AuthGroup admin, AuthGroup editor, FunctionRef fnA, FunctionRef fnB) {}

    @Test
    void subPathDeniesTheParentsGrantToWhoIsNotGrantedThere() {
        BucketPlan files = bucket(f -> f.backend().storage("files", b -> b
                .access("foo/*", allow -> List.of(allow.authenticated().to(READ)))
                .access("foo/bar/*", allow -> List.of(allow.groups(f.admin()).to(READ)))));
        assertThat(statements(files, IamPrincipal.authenticated())).containsExactly(
                allow(GET, "foo/*"), deny(GET, "foo/bar/*"), allow(LIST, "foo/*"), deny(LIST, "foo/bar/*"));
        // Union: the admin role holds both allows, so nothing is denied and foo/bar/* collapses into foo/*.
        assertThat(statements(files, IamPrincipal.group("admin"))).containsExactly(
                allow(GET, "foo/*"), allow(LIST, "foo/*"));
        // A group without its own rule is the authenticated role, denies included.
        assertThat(statements(files, IamPrincipal.group("editor")))
                .isEqualTo(statements(files, IamPrincipal.authenticated()));
        assertThat(files.allows(IamPrincipal.authenticated(), ALICE, GET, "foo/bar/x")).isFalse();
        assertThat(files.allows(IamPrincipal.authenticated(), ALICE, GET, "foo/x")).isTrue();
        assertThat(files.allows(IamPrincipal.authenticated(), ALICE, LIST, "foo/bar/")).isFalse();
        // Listing the parent still shows the sub-path's keys, as in S3: list is checked on the prefix only.
        assertThat(files.allows(IamPrincipal.authenticated(), ALICE, LIST, "foo/")).isTrue();
        assertThat(files.allows(IamPrincipal.group("admin"), ALICE, GET, "foo/bar/x")).isTrue();
        assertThat(files.allows(IamPrincipal.group("editor"), ALICE, GET, "foo/bar/x")).isFalse();
    }

    @Test
    void amplifysOrchestratorExampleWithTwoRoles() {
        BucketPlan files = bucket(f -> f.backend().storage("files", b -> b
                .access("foo/*", allow -> List.of(allow.resource(f.fnA()).to(READ, WRITE)))
                .access("foo/bar/*", allow -> List.of(allow.resource(f.fnB()).to(READ)))));
        assertThat(statements(files, IamPrincipal.function("fnA"))).containsExactly(
                allow(GET, "foo/*"), deny(GET, "foo/bar/*"),
                allow(LIST, "foo/*"), deny(LIST, "foo/bar/*"),
                allow(StorageOperation.WRITE, "foo/*"), deny(StorageOperation.WRITE, "foo/bar/*"));
        assertThat(statements(files, IamPrincipal.function("fnB"))).containsExactly(
                allow(GET, "foo/bar/*"), allow(LIST, "foo/bar/*"));
        assertThat(files.policy(IamPrincipal.authenticated())).isEmpty();
        assertThat(files.policy(IamPrincipal.group("admin"))).isEmpty();
    }

    @Test
    void guestOnAnEntityPathReadsEveryIdentitysFolder() {
        BucketPlan files = bucket(f -> f.backend().storage("files", b -> b
                .access("media/{entity_id}/*", allow -> List.of(
                        allow.guest().to(READ),
                        allow.entity().to(READ, WRITE, DELETE)))));
        assertThat(statements(files, IamPrincipal.guest())).containsExactly(
                allow(GET, "media/*"), allow(LIST, "media/*"));
        // The entity path is the guest path with the id put in: no deny (Amplify's entity exception).
        assertThat(statements(files, IamPrincipal.authenticated())).containsExactly(
                allow(GET, "media/" + SUB + "/*"), allow(LIST, "media/" + SUB + "/*"),
                allow(StorageOperation.WRITE, "media/" + SUB + "/*"),
                allow(StorageOperation.DELETE, "media/" + SUB + "/*"));
        assertThat(files.allows(IamPrincipal.guest(), Optional.empty(), GET, "media/" + BOB.get() + "/a")).isTrue();
        assertThat(files.allows(IamPrincipal.guest(), Optional.empty(), LIST, "media/")).isTrue();
    }

    @Test
    void redundantAllowsOfOnePrincipalCollapse() {
        BucketPlan files = bucket(f -> f.backend().storage("files", b -> b
                .access("foo/*", allow -> List.of(allow.resource(f.fnA()).to(READ)))
                .access("foo/bar/*", allow -> List.of(allow.resource(f.fnA()).to(READ, WRITE)))));
        assertThat(statements(files, IamPrincipal.function("fnA"))).containsExactly(
                allow(GET, "foo/*"), allow(LIST, "foo/*"), allow(StorageOperation.WRITE, "foo/bar/*"));
    }

    // ---- identity pool ----

    @Test
    void identityPoolAllowsGuestsOnlyWhenARuleUsesGuest() {
        assertThat(SHOP.identityPool().orElseThrow().allowUnauthenticatedIdentities()).isTrue();
        BackendPlan noGuest = BackendPlan.of(bucketBackend(f -> f.backend().storage("files", b -> b
                .access("foo/*", allow -> List.of(allow.authenticated().to(READ))))));
        assertThat(noGuest.identityPool().orElseThrow().allowUnauthenticatedIdentities()).isFalse();
    }

    @Test
    void usersAssumeTheRoleOfTheirLowestPrecedenceGroup() {
        IdentityPoolPlan pool = SHOP.identityPool().orElseThrow();
        assertThat(pool.roleFor(List.of())).isEqualTo(IamPrincipal.authenticated());
        assertThat(pool.roleFor(List.of("SUPPORT"))).isEqualTo(IamPrincipal.group("SUPPORT"));
        assertThat(pool.roleFor(List.of("SUPPORT", "ADMINS"))).isEqualTo(IamPrincipal.group("ADMINS"));
        assertThat(pool.roleFor(List.of("UNKNOWN"))).isEqualTo(IamPrincipal.authenticated());
    }

    private static io.amplify4j.model.BackendModel bucketBackend(Consumer<Fixture> rules) {
        BackendBuilder backend = Backend.builder("s3examples");
        AuthBuilder auth = backend.auth().loginWithEmail();
        Fixture fixture = new Fixture(backend, auth.group("admin"), auth.group("editor"),
                backend.function("fnA", fn -> fn.javaHandler("a.A", Path.of("a.jar"))),
                backend.function("fnB", fn -> fn.javaHandler("b.B", Path.of("b.jar"))));
        rules.accept(fixture);
        return backend.build();
    }
}
