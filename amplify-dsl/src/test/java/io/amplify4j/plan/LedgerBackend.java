package io.amplify4j.plan;

import static io.amplify4j.model.data.ModelOperation.READ;

import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.DataType;
import io.amplify4j.dsl.EnumRef;
import io.amplify4j.dsl.FunctionRef;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.StringField;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.DisabledOperation;
import java.nio.file.Path;
import java.util.List;

/**
 * What the three fixtures leave out: composite sort keys on the table and on an index, numeric and enum keys,
 * list-of-enum fields, coarse disabled operations, an explicit table name and an asynchronous function handler.
 */
public final class LedgerBackend implements BackendDefinition {
    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("ledger");
        backend.auth().loginWithEmail();
        FunctionRef audit = backend.function("audit", fn -> fn.javaHandler("com.example.Audit", Path.of("a.jar")));
        DataBuilder data = backend.data();
        data.authorization(allow -> List.of(allow.authenticated()));

        EnumRef<String> kind = data.enumType("EntryKind", "DEBIT", "CREDIT");
        EnumRef<String> flag = data.enumType("Flag", "REVIEWED", "DISPUTED");

        ModelBuilder entry = data.model("Entry").tableName("ledger-entries-v1");
        StringField tenant = entry.id("tenant").required();
        var day = entry.date("day").required();
        var seq = entry.integer("seq").required();
        var entryKind = entry.enumeration("kind", kind).required();
        var amount = entry.floating("amount").required();
        entry.enumeration("flags", flag).array();
        entry.bool("settled");
        entry.timestamp("bookedAt");
        entry.identifier(tenant, day, seq);
        entry.secondaryIndex(tenant).sortKeys(entryKind, amount).name("byTenantKind").queryField("entriesByKind");
        entry.secondaryIndex(entryKind).sortKeys(seq);

        ModelBuilder archive = data.model("Archive");
        archive.string("label").required();
        archive.disableOperations(DisabledOperation.QUERIES, DisabledOperation.GET, DisabledOperation.MUTATIONS);
        archive.authorization(allow -> List.of(allow.authenticated().to(READ)));

        data.mutation("auditEntry")
                .argument("tenant", DataType.id().required())
                .asyncHandler(audit)
                .authorization(allow -> List.of(allow.authenticated()));
        return backend.build();
    }
}
