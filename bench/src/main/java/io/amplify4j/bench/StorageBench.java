package io.amplify4j.bench;

import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.BucketPlan;
import io.amplify4j.plan.IamPrincipal;
import io.amplify4j.plan.StorageOperation;
import io.amplify4j.sandbox.iam.CredentialStore;
import io.amplify4j.sandbox.iam.IamSession;
import io.amplify4j.sandbox.iam.SigV4Verifier;
import io.amplify4j.sandbox.iam.SignatureException;
import io.amplify4j.sandbox.iam.SignedRequest;
import io.amplify4j.sandbox.iam.TemporaryCredentials;
import io.amplify4j.sandbox.server.Sandbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Storage in the sandbox: where the time of an S3 request goes. {@code allows} is the plan's decision alone;
 * {@code verify*} the SigV4 check alone (re-signing with the SDK's signer), for a signed GET and for a 1 MiB
 * chunk-signed upload; {@code s3*} whole round trips of the AWS SDK's S3 client to the sandbox over loopback,
 * one client, one thread.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class StorageBench {
    static final String OWN_ID = "us-east-1:11111111-1111-1111-1111-111111111111";

    /** A bucket like the shop's: products readable by all, one folder per identity. */
    static BackendModel backend() {
        BackendBuilder backend = Backend.builder("bench");
        AuthGroup admins = backend.auth().loginWithEmail().group("ADMINS");
        backend.storage("media", bucket -> bucket
                .access("products/*", allow -> List.of(allow.guest().to(StorageAction.READ),
                        allow.authenticated().to(StorageAction.READ),
                        allow.groups(admins).to(StorageAction.READ, StorageAction.WRITE, StorageAction.DELETE)))
                .access("uploads/{entity_id}/*", allow -> List.of(
                        allow.entity().to(StorageAction.READ, StorageAction.WRITE, StorageAction.DELETE),
                        allow.groups(admins).to(StorageAction.READ))));
        backend.data().model("Note", m -> {
            m.string("text");
            m.authorization(allow -> List.of(allow.authenticated()));
        });
        return backend.build();
    }

    @State(Scope.Benchmark)
    public static class Plan {
        BucketPlan bucket = BackendPlan.of(backend()).storage().bucket("media").orElseThrow();
        String ownKey = "uploads/" + OWN_ID + "/photos/holiday-2026/IMG_0042.jpg";
    }

    @State(Scope.Benchmark)
    public static class Signed {
        SigV4Verifier verifier;
        SignedRequest get;
        SignedRequest put;

        @Setup(Level.Trial)
        public void sign() throws IOException {
            Instant now = Instant.parse("2026-11-26T10:00:00Z");
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            CredentialStore store = new CredentialStore(clock);
            TemporaryCredentials credentials = store.issue(new IamSession(IamPrincipal.authenticated(),
                    "arn:aws:iam::123456789012:role/r", "arn:aws:sts::123456789012:assumed-role/r/s", Optional.empty(),
                    Optional.of(OWN_ID), Optional.empty(), List.of(), Optional.empty()), Duration.ofHours(1));
            verifier = new SigV4Verifier(store, "us-east-1", clock);
            get = sign(credentials, clock, SdkHttpMethod.GET, new byte[0], false);
            put = sign(credentials, clock, SdkHttpMethod.PUT, new byte[1 << 20], true);
        }

        private static SignedRequest sign(TemporaryCredentials credentials, Clock clock, SdkHttpMethod method,
                byte[] body, boolean chunked) throws IOException {
            SdkHttpRequest request = SdkHttpRequest.builder().method(method).protocol("http").host("127.0.0.1")
                    .port(4000).encodedPath("/bench-media/uploads/us-east-1%3A1111/IMG_0042.jpg")
                    .putHeader("Content-Length", Integer.toString(body.length)).build();
            var signed = AwsV4HttpSigner.create().sign(r -> {
                r.identity(AwsSessionCredentialsIdentity.create(credentials.accessKeyId(),
                                credentials.secretAccessKey(), credentials.sessionToken()))
                        .request(request)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, chunked)
                        .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, chunked);
                if (chunked) {
                    r.payload(() -> new ByteArrayInputStream(body));
                }
            });
            byte[] sent = chunked ? signed.payload().orElseThrow().newStream().readAllBytes() : body;
            Map<String, List<String>> headers = new LinkedHashMap<>(signed.request().headers());
            headers.put("Host", List.of("127.0.0.1:4000"));
            return new SignedRequest(method.name(), signed.request().encodedPath(), Optional.empty(), headers, sent);
        }
    }

    @State(Scope.Benchmark)
    public static class Loopback {
        Sandbox sandbox;
        S3Client s3;
        String bucket;
        byte[] object = new byte[4096];
        int next;

        @Setup(Level.Trial)
        public void start() {
            sandbox = Sandbox.builder(backend()).banner(null).requestLog(line -> { })
                    .user("ada", "a-long-password-1", "ADMINS").start();
            bucket = sandbox.bucketName("media");
            TemporaryCredentials c;
            // An admin's identity-pool credentials, as a client would get them.
            var pool = sandbox.identityPool().orElseThrow();
            var logins = Map.of(pool.userPoolProviderName().orElseThrow(), sandbox.idToken("ada"));
            String id;
            try {
                id = pool.getId(pool.poolId(), logins);
                c = pool.getCredentialsForIdentity(id, logins).credentials();
            } catch (io.amplify4j.sandbox.iam.IdentityPoolException e) {
                throw new IllegalStateException(e);
            }
            s3 = S3Client.builder().endpointOverride(sandbox.baseUri()).forcePathStyle(true)
                    .region(Region.of(sandbox.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                            c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                    .build();
            for (int i = 0; i < 100; i++) {
                s3.putObject(r -> r.bucket(bucket).key("products/p" + next++), RequestBody.fromBytes(object));
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            s3.close();
            sandbox.close();
        }
    }

    @Benchmark
    public boolean allows(Plan p) {
        return p.bucket.allows(IamPrincipal.authenticated(), Optional.of(OWN_ID), StorageOperation.WRITE, p.ownKey);
    }

    @Benchmark
    public Object verifySignedGet(Signed s) throws SignatureException {
        return s.verifier.verify(s.get, SigV4Verifier.Service.S3);
    }

    @Benchmark
    public Object verifyChunkedPut1MiB(Signed s) throws SignatureException {
        return s.verifier.verify(s.put, SigV4Verifier.Service.S3);
    }

    @Benchmark
    public Object s3Put4KiB(Loopback l) {
        String key = "products/bench/" + (l.next++ % 1000);
        return l.s3.putObject(r -> r.bucket(l.bucket).key(key), RequestBody.fromBytes(l.object));
    }

    @Benchmark
    public Object s3Get4KiB(Loopback l) {
        String key = "products/p" + (l.next++ % 100);
        return l.s3.getObjectAsBytes(r -> r.bucket(l.bucket).key(key)).asByteArray();
    }

    @Benchmark
    public Object s3List100(Loopback l) {
        return l.s3.listObjectsV2(r -> r.bucket(l.bucket).prefix("products/p").maxKeys(100)).contents();
    }
}
