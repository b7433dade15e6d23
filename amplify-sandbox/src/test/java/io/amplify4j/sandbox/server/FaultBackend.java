package io.amplify4j.sandbox.server;

/*
 * The fault list D1-D17 of security-and-reliability.md section 5d, and the tests over real HTTP/WebSocket that
 * prove each (all in this package unless named otherwise):
 *
 * | ID  | Fault                                                   | Proven by
 * |-----|---------------------------------------------------------|-------------------------------------------------
 * | D1  | 50 concurrent creates of one id                         | WriteConflictsOverHttpTest.Todos#d1...
 * |     |                                                         | (and dynamodb.ConcurrencyTest in the store)
 * | D2  | update / delete of a missing id                         | WriteConflictsOverHttpTest.Todos#d2...
 * | D3  | same _version twice; racing user conditions             | WriteConflictsOverHttpTest (d3 in both classes)
 * | D4  | a condition on a protected field                        | WriteConflictsOverHttpTest#d4...;
 * |     |                                                         | authz.NamedRegressionsTest F4 (resolver level)
 * | D5  | kill -9 mid-write / mid-batch                           | branch sbx-cli (crash test)
 * | D6  | crash between write and fan-out                         | branch sbx-cli
 * | D7  | syntax, unknown field, wrong / missing variables,       | RequestErrorsOverHttpTest, BadInputOverHttpTest
 * |     | duplicate operations, fragment cycles                   |
 * | D8  | depth 50, alias bomb, batches, introspection;           | AbuseAndSizeLimitsOverHttpTest#d8...,
 * |     | depth of subscription documents                         | RequestErrorsOverHttpTest (depth)
 * | D9  | item > 400 KB, key > 2,048 B, body over the cap,        | BadInputOverHttpTest (item),
 * |     | event > 240 KB                                          | AbuseAndSizeLimitsOverHttpTest#d9...
 * | D10 | expired, nbf, iss, aud/client_id, token_use, alg none,  | TokenVerificationOverHttpTest
 * |     | HS256 with the public key, unknown kid, tampered claims |
 * | D11 | skew +-5 min, key rotation, key set unavailable         | TokenSkewAndKeyRotationTest
 * | D12 | API key deleted / expired mid-subscription (and tokens) | CredentialRevocationOverWebSocketTest
 * | D13 | SigV4                                                   | branch sbx-s3iam
 * | D14 | Lambda authorizer                                       | branch sbx-functions
 * | D16 | Lambda faults                                           | branch sbx-functions
 * | D17 | 1,000 subscribers, 100 events/s, a slow consumer        | SubscriptionFloodTest, RealtimeFlowControlTest
 *
 * Per-subscriber field redaction (section 2 #6): SubscriptionRedactionOverWebSocketTest. Subscription invalidation
 * (extensions.setSubscriptionInvalidationFilter / invalidateSubscriptions): SubscriptionInvalidationOverWebSocketTest.
 */

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
