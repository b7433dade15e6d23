package io.amplify4j.sandbox.server;

import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.IntField;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.model.BackendModel;
import java.util.List;

/**
 * The backend of the fault tests: {@code Doc} with optimistic concurrency on {@code version} (every signed-in user
 * may write), and {@code Patient}, readable by every signed-in user, whose {@code ssn} only its owner may read or
 * write and whose {@code salary} only the Admin group may; an API key for reads of nothing but the schema.
 */
public final class FaultBackend implements BackendDefinition {
    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("faults");
        AuthGroup admin = backend.auth().loginWithEmail().group("Admin");
        backend.data().authorizationModes(modes -> modes.apiKey(30));

        ModelBuilder doc = backend.data().model("Doc");
        doc.string("content").required();
        IntField version = doc.integer("version").required().defaultValue(1);
        doc.versionField(version);
        doc.authorization(allow -> List.of(allow.authenticated()));

        ModelBuilder patient = backend.data().model("Patient");
        patient.string("content");
        patient.string("owner");
        patient.string("ssn").authorization(allow -> List.of(allow.owner()));
        patient.string("salary").authorization(allow -> List.of(allow.group(admin)));
        patient.authorization(allow -> List.of(allow.authenticated()));
        return backend.build();
    }
}
