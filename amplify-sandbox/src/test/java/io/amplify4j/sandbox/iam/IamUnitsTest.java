package io.amplify4j.sandbox.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.plan.IamPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small parts of IAM: the credential store's bounds, aws-chunked decoding, percent-decoding, role names. */
class IamUnitsTest {
    static IamSession session() {
        return new IamSession(IamPrincipal.guest(), "arn:aws:iam::123456789012:role/r",
                "arn:aws:sts::123456789012:assumed-role/r/s", Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty());
    }

    @Test
    void expiredCredentialsAreKeptForADayThenForgotten() {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        Clock[] clock = {Clock.fixed(start, ZoneOffset.UTC)};
        CredentialStore store = new CredentialStore(new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        });
        TemporaryCredentials first = store.issue(session(), Duration.ofHours(1));
        assertThat(first.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(first.toString()).doesNotContain(first.secretAccessKey()).doesNotContain(first.sessionToken());
        clock[0] = Clock.fixed(start.plus(Duration.ofHours(20)), ZoneOffset.UTC);
        store.issue(session(), Duration.ofHours(1));
        assertThat(store.find(first.accessKeyId())).as("expired, still known").isPresent();
        clock[0] = Clock.fixed(start.plus(Duration.ofHours(26)), ZoneOffset.UTC);
        store.issue(session(), Duration.ofHours(1));
        assertThat(store.find(first.accessKeyId())).as("forgotten a day after expiry").isEmpty();
    }

    private static Optional<AwsChunkedBody> decode(String body) {
        return AwsChunkedBody.decode(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void awsChunkedBodiesDecodeWithTheirTrailers() {
        AwsChunkedBody body = decode("5;chunk-signature=aa\r\nhello\r\n1;chunk-signature=bb\r\n!\r\n"
                + "0;chunk-signature=cc\r\nx-amz-checksum-crc32:AAAA\r\nx-amz-trailer-signature:dd\r\n\r\n").orElseThrow();
        assertThat(new String(body.data(), StandardCharsets.ISO_8859_1)).isEqualTo("hello!");
        assertThat(body.trailers()).isEqualTo(Map.of("x-amz-checksum-crc32", "AAAA", "x-amz-trailer-signature", "dd"));
        assertThat(decode("0\r\n\r\n").orElseThrow().data()).isEmpty();
    }

    @Test
    void malformedAwsChunkedBodiesAreRefused() {
        assertThat(decode("5\r\nhell")).as("short chunk").isEmpty();
        assertThat(decode("5\r\nhelloXX0\r\n\r\n")).as("no CRLF after data").isEmpty();
        assertThat(decode("zz\r\nhello\r\n0\r\n\r\n")).as("bad size").isEmpty();
        assertThat(decode("5\r\nhello\r\n")).as("no final chunk").isEmpty();
        assertThat(decode("0\r\n\r\ntrailing garbage")).as("bytes after the end").isEmpty();
        assertThat(decode("7fffffff\r\nx\r\n0\r\n\r\n")).as("size beyond the body").isEmpty();
        assertThat(decode("0\r\nno-colon\r\n\r\n")).as("bad trailer").isEmpty();
    }

    @Test
    void percentDecodingKeepsPlusAndMalformedEscapes() {
        assertThat(SignedRequest.percentDecode("a%20b+c%2Fd%C3%A9%zz%")).isEqualTo("a b+c/dé%zz%");
    }

    @Test
    void roleNamesStayWithinIamLimits() {
        IamRoles roles = new IamRoles("shop");
        assertThat(roles.roleArn(IamPrincipal.group("ADMINS"))).isEqualTo("arn:aws:iam::123456789012:role/shop-ADMINSGroupRole");
        assertThat(roles.sessionArn(IamPrincipal.function("thumbnails"), "thumbnails"))
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/shop-thumbnails-lambdaRole/thumbnails");
        assertThat(roles.roleName(IamPrincipal.function("f".repeat(100)))).hasSize(64);
    }
}
