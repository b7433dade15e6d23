package io.amplify4j.sandbox.resolvers;

import static io.amplify4j.sandbox.resolvers.PlanRuntime.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.resolver.ExtrasBackend;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.js.SubscriptionFilter;
import io.amplify4j.sandbox.resolvers.PlanRuntime.Callers;
import io.amplify4j.sandbox.runtime.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** hasOne, relationships on a three-field key, owner transfer, co-owner lists (O6, O7) and OIDC owners. */
class ExtrasEndToEndTest {
    static final Caller ALICE = Callers.user("sub-a", "alice");
    static final Caller BOB = Callers.user("sub-b", "bob");
    static final Caller CAROL = Callers.user("sub-c", "carol");

    static final String CHECK = "src/main/js/archive/check.js";
    static final String WRITE = "src/main/js/archive/write.js";
    /** A user's first handler: refuses empty ids, passes the id on in the stash. */
    static final String CHECK_MODULE = """
            import { util } from '@aws-appsync/utils';

            export function request(ctx) {
              if (!ctx.args.id) {
                util.error('id is required', 'ValidationError');
              }
              ctx.stash.documentId = ctx.args.id;
              return { payload: null };
            }

            export function response(ctx) {
              return ctx.prev.result;
            }
            """;
    /** A user's second handler: marks the document archived in its table. */
    static final String WRITE_MODULE = """
            import { util } from '@aws-appsync/utils';

            export function request(ctx) {
              return {
                operation: 'UpdateItem',
                key: util.dynamodb.toMapValues({ id: ctx.stash.documentId }),
                update: {
                  expression: 'SET #title = :title',
                  expressionNames: { '#title': 'title' },
                  expressionValues: util.dynamodb.toMapValues({ ':title': 'archived' }),
                },
                condition: { expression: 'attribute_exists(#id)', expressionNames: { '#id': 'id' } },
              };
            }

            export function response(ctx) {
              if (ctx.error) {
                util.error(ctx.error.message, ctx.error.type);
              }
              return ctx.result;
            }
            """;

    PlanRuntime runtime;

    @BeforeEach
    void start() {
        runtime = new PlanRuntime(BackendPlan.of(new ExtrasBackend().define()).data().orElseThrow(), Map.of(),
                Map.of(CHECK, CHECK_MODULE, WRITE, WRITE_MODULE));
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> data(ResolverResult result) {
        assertThat(result.errors()).isEmpty();
        return (Map<String, Object>) result.data();
    }

    ResolverResult mutate(Caller caller, String field, Map<String, Object> input) {
        return runtime.call(caller, "Mutation", field, Map.of("input", input));
    }

    @Test
    void hasOneAndBelongsToUnderTheTargetsRules() {
        Map<String, Object> person = data(mutate(ALICE, "createPerson", Map.of("id", "p1", "name", "Alice")));
        data(mutate(ALICE, "createPassport", Map.of("personId", "p1", "number", "X123")));
        assertThat(data(runtime.call(ALICE, "Person", "passport", Map.of(), person))).containsEntry("number", "X123");
        ResolverResult key = runtime.call(Callers.apiKey(), "Person", "passport", Map.of(), person);
        assertThat(key.data()).isNull();
        assertThat(errorType(key)).contains("Unauthorized");
        ResolverResult bob = runtime.call(BOB, "Person", "passport", Map.of(), person);
        assertThat(bob.data()).isNull();
        assertThat(bob.errors()).extracting(e -> e.message())
                .containsExactly("Not Authorized to access passport on type Person");
        Map<String, Object> passport = data(runtime.call(ALICE, "Query", "getPassport",
                Map.of("id", ((Map<?, ?>) runtime.call(ALICE, "Person", "passport", Map.of(), person).data()).get("id"))));
        assertThat(data(runtime.call(ALICE, "Passport", "person", Map.of(), passport))).containsEntry("name", "Alice");
        Map<String, Object> lonely = data(mutate(ALICE, "createPerson", Map.of("id", "p2", "name", "Nobody")));
        ResolverResult none = runtime.call(ALICE, "Person", "passport", Map.of(), lonely);
        assertThat(none.errors()).isEmpty();
        assertThat(none.data()).isNull();
        // No key to read by (the functions early-return, never with null): null without an error.
        ResolverResult keyless = runtime.call(ALICE, "Person", "passport", Map.of(), Map.of("name", "Nobody"));
        assertThat(keyless.errors()).isEmpty();
        assertThat(keyless.data()).isNull();
        Map<String, Object> unlinked = new java.util.LinkedHashMap<>(passport);
        unlinked.remove("personId");
        ResolverResult orphan = runtime.call(ALICE, "Passport", "person", Map.of(), unlinked);
        assertThat(orphan.errors()).isEmpty();
        assertThat(orphan.data()).isNull();
    }

    @Test
    void hasManyOnAThreeFieldKeyQueriesTheCompositeGsi() {
        Map<String, Object> shipment = data(mutate(ALICE, "createShipment",
                Map.of("carrier", "DHL", "day", "2026-11-26", "seq", 7)));
        data(mutate(ALICE, "createParcel", Map.of("carrier", "DHL", "day", "2026-11-26", "seq", 7, "weight", 1.5)));
        data(mutate(BOB, "createParcel", Map.of("carrier", "DHL", "day", "2026-11-26", "seq", 7, "weight", 2)));
        data(mutate(BOB, "createParcel", Map.of("carrier", "DHL", "day", "2026-11-26", "seq", 8, "weight", 3)));
        data(mutate(BOB, "createParcel", Map.of("carrier", "UPS", "day", "2026-11-26", "seq", 7, "weight", 4)));
        Map<String, Object> parcels = data(runtime.call(BOB, "Shipment", "parcels", Map.of(), shipment));
        assertThat((List<?>) parcels.get("items")).hasSize(2);
        assertThat(data(runtime.call(ALICE, "Query", "getShipment",
                Map.of("carrier", "DHL", "day", "2026-11-26", "seq", 7)))).containsEntry("seq", 7L);
    }

    @Test
    void o6CoOwnersUpdateO7ButCannotRewriteTheListAndOwnersMayTransfer() {
        data(mutate(ALICE, "createDocument", Map.of("id", "d1", "title", "Plan", "editors", List.of("sub-b"))));
        assertThat(data(mutate(BOB, "updateDocument", Map.of("id", "d1", "title", "Plan B"))))
                .containsEntry("title", "Plan B");
        assertThat(errorType(mutate(BOB, "updateDocument", Map.of("id", "d1", "editors", List.of("sub-b", "sub-c")))))
                .contains("Unauthorized");
        assertThat(errorType(mutate(CAROL, "updateDocument", Map.of("id", "d1", "title", "Carol's"))))
                .contains("DynamoDB:ConditionalCheckFailedException");
        assertThat(errorType(mutate(BOB, "deleteDocument", Map.of("id", "d1"))))
                .contains("DynamoDB:ConditionalCheckFailedException");
        assertThat(errorType(runtime.call(Callers.oidc("sub-a", Map.of()), "Query", "getDocument", Map.of("id", "d1"))))
                .contains("Unauthorized");
        assertThat(data(mutate(ALICE, "updateDocument", Map.of("id", "d1", "owner", "sub-c::carol"))))
                .containsEntry("owner", "sub-c::carol");
        assertThat(errorType(runtime.call(ALICE, "Query", "getDocument", Map.of("id", "d1")))).contains("Unauthorized");
        assertThat(data(runtime.call(CAROL, "Query", "getDocument", Map.of("id", "d1")))).containsEntry("title", "Plan B");
        data(mutate(CAROL, "createDocument", Map.of("id", "d2", "title", "Partner doc", "owner", "sub-c")));
        assertThat(errorType(runtime.call(Callers.oidc("sub-z", Map.of()), "Query", "getDocument", Map.of("id", "d2"))))
                .contains("Unauthorized");
    }

    @Test
    void s3CoOwnersReceiveUpdatesOfDocumentsListingThemAndNothingElse() {
        ResolverResult bob = runtime.call(BOB, "Subscription", "onUpdateDocument",
                Map.of("filter", Map.of("title", Map.of("beginsWith", "P"))));
        assertThat(bob.errors()).isEmpty();
        Map<String, Object> filter = bob.extensions().subscriptionFilter().orElseThrow();
        assertThat(SubscriptionFilter.matches(filter, Map.of("id", "d1", "title", "Plan", "owner", "sub-a::alice",
                "editors", List.of("sub-b")))).isTrue();
        assertThat(SubscriptionFilter.matches(filter, Map.of("id", "d1", "title", "Notes", "owner", "sub-a::alice",
                "editors", List.of("sub-b")))).isFalse();
        assertThat(SubscriptionFilter.matches(filter, Map.of("id", "d2", "title", "Plan", "owner", "sub-a::alice",
                "editors", List.of("sub-c")))).isFalse();
        assertThat(SubscriptionFilter.matches(filter, Map.of("id", "d3", "title", "Plan", "owner", "sub-b::bob")))
                .isTrue();
        assertThat(errorType(runtime.call(Callers.apiKey(), "Subscription", "onUpdateDocument", Map.of())))
                .contains("Unauthorized");
    }

    @Test
    void belongsToOnAThreeFieldKeyGetsTheParentByItsCompositeKey() {
        data(mutate(ALICE, "createShipment", Map.of("carrier", "DHL", "day", "2026-11-26", "seq", 7)));
        Map<String, Object> parcel = data(mutate(BOB, "createParcel",
                Map.of("carrier", "DHL", "day", "2026-11-26", "seq", 7, "weight", 2)));
        assertThat(data(runtime.call(BOB, "Parcel", "shipment", Map.of(), parcel))).containsEntry("seq", 7L)
                .containsEntry("day#seq", "2026-11-26#7");
    }

    @Test
    void customJsHandlersRunAfterTheGeneratedAuthFunction() {
        data(mutate(ALICE, "createDocument", Map.of("id", "d1", "title", "Plan")));
        ResolverResult archived = runtime.call(BOB, "Mutation", "archiveDocument", Map.of("id", "d1"));
        assertThat(data(archived)).containsEntry("title", "archived");
        assertThat(errorType(runtime.call(Callers.apiKey(), "Mutation", "archiveDocument", Map.of("id", "d1"))))
                .contains("Unauthorized");
        assertThat(errorType(runtime.call(BOB, "Mutation", "archiveDocument", Map.of("id", "nope"))))
                .contains("DynamoDB:ConditionalCheckFailedException");
    }
}
