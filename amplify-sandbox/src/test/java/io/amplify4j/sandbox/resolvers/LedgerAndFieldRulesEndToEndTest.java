package io.amplify4j.sandbox.resolvers;

import static io.amplify4j.model.data.ModelOperation.READ;
import static io.amplify4j.sandbox.resolvers.PlanRuntime.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.FieldOperation;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.model.BackendModel;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.LedgerBackend;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.resolvers.PlanRuntime.Callers;
import io.amplify4j.sandbox.runtime.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Composite sort keys (the ledger plan) and field-level read and write rules (F1, F2, F3). */
class LedgerAndFieldRulesEndToEndTest {
    static final Caller ALICE = Callers.user("sub-a", "alice");
    static final Caller BOB = Callers.user("sub-b", "bob");

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(ResolverResult result) {
        assertThat(result.errors()).isEmpty();
        return (List<Map<String, Object>>) ((Map<String, Object>) result.data()).get("items");
    }

    static Map<String, Object> entry(String day, int seq, String kind, double amount) {
        return Map.of("tenant", "acme", "day", day, "seq", seq, "kind", kind, "amount", amount);
    }

    @Test
    void compositeSortKeysOnTheTableAndOnAnIndex() {
        try (PlanRuntime runtime = new PlanRuntime(BackendPlan.of(new LedgerBackend().define()).data().orElseThrow(),
                Map.of())) {
            for (Map<String, Object> input : List.of(entry("2026-11-01", 1, "DEBIT", 10), entry("2026-11-01", 2,
                    "CREDIT", 5), entry("2026-11-02", 1, "DEBIT", 7))) {
                ResolverResult created = runtime.call(ALICE, "Mutation", "createEntry", Map.of("input", input));
                assertThat(created.errors()).isEmpty();
                assertThat((Map<String, Object>) created.data()).containsKey("day#seq");
            }
            ResolverResult got = runtime.call(BOB, "Query", "getEntry",
                    Map.of("tenant", "acme", "day", "2026-11-01", "seq", 2));
            assertThat(((Map<?, ?>) got.data()).get("kind")).isEqualTo("CREDIT");
            assertThat(items(runtime.call(ALICE, "Query", "listEntries", Map.of("tenant", "acme",
                    "daySeq", Map.of("eq", Map.of("day", "2026-11-01")))))).hasSize(2);
            assertThat(items(runtime.call(ALICE, "Query", "listEntries", Map.of("tenant", "acme",
                    "daySeq", Map.of("beginsWith", Map.of("day", "2026-11-02")))))).hasSize(1);
            assertThat(items(runtime.call(ALICE, "Query", "listEntries", Map.of("tenant", "acme",
                    "sortDirection", "DESC")))).extracting(e -> e.get("day")).first().isEqualTo("2026-11-02");
            assertThat(items(runtime.call(ALICE, "Query", "entriesByKind", Map.of("tenant", "acme",
                    "kindAmount", Map.of("eq", Map.of("kind", "DEBIT")))))).hasSize(2);
            ResolverResult partial = runtime.call(ALICE, "Mutation", "updateEntry", Map.of("input",
                    Map.of("tenant", "acme", "day", "2026-11-01", "seq", 1, "kind", "CREDIT")));
            assertThat(errorType(partial)).contains("ValidationError");
            ResolverResult both = runtime.call(ALICE, "Mutation", "updateEntry", Map.of("input",
                    Map.of("tenant", "acme", "day", "2026-11-01", "seq", 1, "kind", "CREDIT", "amount", 11)));
            assertThat(both.errors()).isEmpty();
            assertThat(items(runtime.call(ALICE, "Query", "entriesByKind", Map.of("tenant", "acme",
                    "kindAmount", Map.of("eq", Map.of("kind", "CREDIT")))))).hasSize(2);
            assertThat(errorType(runtime.call(Callers.apiKey(), "Query", "listEntries", Map.of())))
                    .contains("Unauthorized");
        }
    }

    static BackendModel clinic() {
        BackendBuilder backend = Backend.builder("clinic");
        backend.auth().loginWithEmail();
        ModelBuilder patient = backend.data().model("Patient");
        patient.string("name").required();
        patient.string("ssn").authorization(allow -> List.of(allow.owner()));
        patient.string("note").authorization(allow -> List.of(allow.owner().to(FieldOperation.READ)));
        patient.authorization(allow -> List.of(allow.owner(), allow.authenticated().to(READ)));
        return backend.build();
    }

    @Test
    void f1FieldsTheCallerMayNotReadAreNulledWithOneErrorEachF2F3() {
        try (PlanRuntime runtime = new PlanRuntime(BackendPlan.of(clinic()).data().orElseThrow(), Map.of())) {
            ResolverResult created = runtime.call(ALICE, "Mutation", "createPatient",
                    Map.of("input", Map.of("id", "p1", "name", "Alice", "ssn", "123")));
            assertThat(created.errors()).isEmpty();
            assertThat((Map<String, Object>) created.data()).containsEntry("ssn", "123");
            ResolverResult bob = runtime.call(BOB, "Query", "getPatient", Map.of("id", "p1"));
            assertThat((Map<String, Object>) bob.data()).containsEntry("name", "Alice").containsEntry("ssn", null);
            assertThat(bob.errors()).extracting(e -> e.message())
                    .containsExactly("Not Authorized to access ssn on type Patient");
            ResolverResult list = runtime.call(BOB, "Query", "listPatients", Map.of());
            assertThat(list.errors()).hasSize(1);
            assertThat(runtime.call(ALICE, "Query", "getPatient", Map.of("id", "p1")).errors()).isEmpty();
            assertThat(errorType(runtime.call(ALICE, "Mutation", "updatePatient",
                    Map.of("input", Map.of("id", "p1", "note", "x"))))).contains("Unauthorized");
            assertThat(errorType(runtime.call(ALICE, "Mutation", "createPatient",
                    Map.of("input", Map.of("id", "p2", "name", "A", "note", "x"))))).contains("Unauthorized");
            assertThat(runtime.call(ALICE, "Mutation", "updatePatient",
                    Map.of("input", Map.of("id", "p1", "ssn", "456"))).errors()).isEmpty();
        }
    }
}
