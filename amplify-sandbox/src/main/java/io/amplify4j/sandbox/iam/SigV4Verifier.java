package io.amplify4j.sandbox.iam;

import io.amplify4j.sandbox.iam.SignatureException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Verifies SigV4-signed requests ({@code Authorization: AWS4-HMAC-SHA256 ...}) against the credentials the sandbox
 * issued, by signing the same request again with the AWS SDK's {@link AwsV4HttpSigner} (same headers, same signing
 * time, same payload mode) and comparing. For {@code aws-chunked} uploads the data is decoded, re-signed chunk by
 * chunk and the whole encoding compared, so every chunk signature and the trailer signature (and trailing checksum)
 * are checked too.
 *
 * <p>Refused, in this order: a malformed header; an unknown access key; a missing or different session token;
 * expired credentials; another region or service; a signing time more than {@value #MAX_SKEW_MINUTES} minutes away
 * from the sandbox's clock (as AWS); a signature that does not match.
 *
 * <p>Thread-safe.
 */
public final class SigV4Verifier {
    /** The only algorithm accepted. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** AWS refuses requests signed more than 15 minutes before or after its own clock. */
    public static final int MAX_SKEW_MINUTES = 15;

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final CredentialStore credentials;
    private final String region;
    private final Clock clock;

    /** A request whose signature checked out: who signed it and the payload it carried. */
    public record Verified(IamSession session, byte[] payload, Map<String, String> trailers) {
        public Verified {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(payload, "payload");
            trailers = Map.copyOf(trailers);
        }
    }

    /** How a service signs: S3 signs the path as sent, other services normalise and double-encode it. */
    public enum Service {
        S3("s3", false),
        APPSYNC("appsync", true);

        private final String signingName;
        private final boolean canonicalisePath;

        Service(String signingName, boolean canonicalisePath) {
            this.signingName = signingName;
            this.canonicalisePath = canonicalisePath;
        }

        public String signingName() {
            return signingName;
        }
    }

    public SigV4Verifier(CredentialStore credentials, String region, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies {@code request} as one signed for {@code service}; see the class comment for what is checked. */
    public Verified verify(SignedRequest request, Service service) throws SignatureException {
        if (request.header("authorization").isEmpty() && request.isPresigned()) {
            return verifyPresigned(request, service);
        }
        Authorization auth = Authorization.parse(request.header("authorization").orElse(""));
        String amzDate = request.header("x-amz-date").orElseThrow(() -> new SignatureException(Reason.MALFORMED,
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new SignatureException(Reason.MALFORMED, "X-Amz-Date must be in the ISO8601 basic format.");
        }
        if (!amzDate.startsWith(auth.date())) {
            throw new SignatureException(Reason.MALFORMED, "Date in Credential scope does not match YYYYMMDD from "
                    + "ISO-8601 version of date from HTTP: '" + auth.date() + "' != '" + amzDate.substring(0, 8) + "'.");
        }
        CredentialStore.Issued issued = checkCredentials(auth, request.header("x-amz-security-token").orElse(""),
                service);
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(Duration.ofMinutes(MAX_SKEW_MINUTES)) > 0) {
            throw new SignatureException(Reason.TIME_SKEWED, "Signature expired: " + amzDate + " is now earlier or "
                    + "later than " + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + " by more than "
                    + MAX_SKEW_MINUTES + " min.");
        }
        if (!auth.signedHeaders().contains("host")) {
            throw new SignatureException(Reason.MALFORMED, "The host header must be signed.");
        }
        return resign(request, service, auth, signedAt, issued);
    }

    /** The issued credentials named by {@code auth}: known, with this session token, unexpired, for here. */
    private CredentialStore.Issued checkCredentials(Authorization auth, String sessionToken, Service service)
            throws SignatureException {
        CredentialStore.Issued issued = credentials.find(auth.accessKeyId()).orElseThrow(() -> new SignatureException(
                Reason.UNKNOWN_ACCESS_KEY, "The security token included in the request is invalid."));
        if (!MessageDigest.isEqual(sessionToken.getBytes(StandardCharsets.UTF_8),
                issued.credentials().sessionToken().getBytes(StandardCharsets.UTF_8))) {
            throw new SignatureException(Reason.INVALID_TOKEN, "The provided token is malformed or otherwise invalid.");
        }
        if (!clock.instant().isBefore(issued.credentials().expiration())) {
            throw new SignatureException(Reason.EXPIRED_CREDENTIALS, "The security token included in the request is "
                    + "expired");
        }
        if (!auth.region().equals(region)) {
            throw new SignatureException(Reason.WRONG_REGION, "Credential should be scoped to a valid region. The "
                    + "region '" + auth.region() + "' is wrong; expecting '" + region + "'");
        }
        if (!auth.service().equals(service.signingName())) {
            throw new SignatureException(Reason.WRONG_SERVICE, "Credential should be scoped to correct service: '"
                    + service.signingName() + "'. ");
        }
        return issued;
    }

    /**
     * A presigned URL ({@code X-Amz-Credential}, {@code X-Amz-Date}, {@code X-Amz-Expires}, ...,
     * {@code X-Amz-Signature} in the query): valid from its signing time (less the tolerated skew) for
     * {@code X-Amz-Expires} seconds, with an unsigned payload, as the SDKs' presigners make them.
     */
    private Verified verifyPresigned(SignedRequest request, Service service) throws SignatureException {
        Map<String, String> auth = new LinkedHashMap<>();
        List<Map.Entry<String, String>> rest = new ArrayList<>();
        for (Map.Entry<String, String> parameter : request.queryParameters()) {
            if (parameter.getKey().startsWith("X-Amz-") && PRESIGN_PARAMETERS.contains(parameter.getKey())) {
                auth.put(parameter.getKey(), parameter.getValue());
            } else {
                rest.add(parameter);
            }
        }
        if (!ALGORITHM.equals(auth.get("X-Amz-Algorithm")) || !auth.keySet().containsAll(List.of("X-Amz-Credential",
                "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"))) {
            throw new SignatureException(Reason.MALFORMED, "Query-string authentication requires the X-Amz-Algorithm, "
                    + "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires "
                    + "parameters.");
        }
        Authorization parsed = Authorization.parse(ALGORITHM + " Credential=" + auth.get("X-Amz-Credential")
                + ", SignedHeaders=" + auth.get("X-Amz-SignedHeaders") + ", Signature=" + auth.get("X-Amz-Signature"));
        Instant signedAt;
        long expires;
        try {
            signedAt = LocalDateTime.parse(auth.get("X-Amz-Date"), AMZ_DATE).toInstant(ZoneOffset.UTC);
            expires = Long.parseLong(auth.get("X-Amz-Expires"));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new SignatureException(Reason.MALFORMED, "X-Amz-Date or X-Amz-Expires is malformed.");
        }
        if (expires < 1 || expires > 604800) {
            throw new SignatureException(Reason.MALFORMED, "X-Amz-Expires must be between 1 and 604800 seconds.");
        }
        CredentialStore.Issued issued = checkCredentials(parsed, auth.getOrDefault("X-Amz-Security-Token", ""),
                service);
        Instant now = clock.instant();
        if (now.isAfter(signedAt.plusSeconds(expires))) {
            throw new SignatureException(Reason.URL_EXPIRED, "Request has expired");
        }
        if (now.isBefore(signedAt.minus(Duration.ofMinutes(MAX_SKEW_MINUTES)))) {
            throw new SignatureException(Reason.TIME_SKEWED, "Request is not yet valid");
        }
        SignedRequest unsigned = new SignedRequest(request.method(), request.rawPath(), Optional.of(rest.stream()
                .map(e -> SdkHttpUtils.urlEncode(e.getKey()) + "=" + SdkHttpUtils.urlEncode(e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"))).filter(q -> !q.isEmpty()), request.headers(),
                new byte[0]);
        SdkHttpRequest canonical = canonicalRequest(unsigned, service, parsed, false);
        software.amazon.awssdk.http.auth.spi.signer.SignedRequest signed;
        try {
            signed = SIGNER.sign(r -> r
                    .identity(AwsSessionCredentialsIdentity.create(issued.credentials().accessKeyId(),
                            issued.credentials().secretAccessKey(), issued.credentials().sessionToken()))
                    .request(canonical)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, parsed.service())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, parsed.region())
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, service.canonicalisePath)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, service.canonicalisePath)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(expires)));
        } catch (RuntimeException e) {
            throw new SignatureException(Reason.SIGNATURE_MISMATCH, "The request signature we calculated does not "
                    + "match the signature you provided.");
        }
        String expected = signed.request().firstMatchingRawQueryParameter("X-Amz-Signature").orElse("");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parsed.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new SignatureException(Reason.SIGNATURE_MISMATCH, "The request signature we calculated does not "
                    + "match the signature you provided. Check your key and signing method.");
        }
        return new Verified(issued.session(), request.body(), Map.of());
    }

    private static final java.util.Set<String> PRESIGN_PARAMETERS = java.util.Set.of("X-Amz-Algorithm",
            "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Security-Token",
            "X-Amz-Signature");

    private Verified resign(SignedRequest request, Service service, Authorization auth, Instant signedAt,
            CredentialStore.Issued issued) throws SignatureException {
        String contentSha = request.header("x-amz-content-sha256").orElse(null);
        boolean chunked = contentSha != null && contentSha.startsWith("STREAMING-");
        if (chunked && !List.of("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
                "STREAMING-UNSIGNED-PAYLOAD-TRAILER").contains(contentSha)) {
            throw new SignatureException(Reason.MALFORMED, "Unsupported x-amz-content-sha256: " + contentSha);
        }
        boolean unsigned = "UNSIGNED-PAYLOAD".equals(contentSha) || "STREAMING-UNSIGNED-PAYLOAD-TRAILER".equals(contentSha);
        byte[] payload = request.body();
        Map<String, String> trailers = Map.of();
        if (chunked) {
            AwsChunkedBody decoded = AwsChunkedBody.decode(request.body()).orElseThrow(() -> new SignatureException(
                    Reason.SIGNATURE_MISMATCH, "The aws-chunked body is malformed."));
            payload = decoded.data();
            trailers = decoded.trailers();
        }
        Optional<ChecksumAlgorithm> trailerChecksum = Optional.empty();
        String trailerHeader = request.header("x-amz-trailer").orElse(null);
        if (chunked && trailerHeader != null) {
            trailerChecksum = Optional.of(checksumAlgorithm(trailerHeader.strip()));
        }
        SdkHttpRequest canonical = canonicalRequest(request, service, auth, chunked);
        byte[] data = payload;
        Optional<ChecksumAlgorithm> algorithm = trailerChecksum;
        software.amazon.awssdk.http.auth.spi.signer.SignedRequest signed;
        try {
            signed = SIGNER.sign(r -> {
                r.identity(AwsSessionCredentialsIdentity.create(issued.credentials().accessKeyId(),
                                issued.credentials().secretAccessKey(), issued.credentials().sessionToken()))
                        .request(canonical)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, auth.service())
                        .putProperty(AwsV4HttpSigner.REGION_NAME, auth.region())
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, service.canonicalisePath)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, service.canonicalisePath)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, !unsigned)
                        .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, chunked);
                if (!unsigned || chunked) {
                    r.payload(() -> new ByteArrayInputStream(data));
                }
                algorithm.ifPresent(a -> r.putProperty(AwsV4HttpSigner.CHECKSUM_ALGORITHM, a));
            });
        } catch (RuntimeException e) {
            // The signer refuses inputs no SDK client would send (for example a trailer without its checksum).
            throw new SignatureException(Reason.SIGNATURE_MISMATCH, "The request signature we calculated does not "
                    + "match the signature you provided.");
        }
        String expected = signed.request().firstMatchingHeader("Authorization").orElse("");
        Authorization recomputed = Authorization.parse(expected);
        boolean match = MessageDigest.isEqual(recomputed.signature().getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))
                && recomputed.signedHeaders().equals(auth.signedHeaders());
        if (match && chunked) {
            match = MessageDigest.isEqual(readAll(signed.payload().orElseThrow().newStream()), request.body());
        }
        if (!match) {
            throw new SignatureException(Reason.SIGNATURE_MISMATCH, "The request signature we calculated does not "
                    + "match the signature you provided. Check your key and signing method.");
        }
        return new Verified(issued.session(), payload, trailers);
    }

    /** The request the client signed: its method, path and query as sent, and exactly the headers it signed. */
    private static SdkHttpRequest canonicalRequest(SignedRequest request, Service service, Authorization auth,
            boolean chunked)
            throws SignatureException {
        String host = request.header("host").orElseThrow(() -> new SignatureException(Reason.MALFORMED,
                "The host header is missing."));
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
                // https: so the signer never overrides the payload mode the client chose (it does for plain http).
                .protocol("https")
                .method(method(request.method()))
                // S3 signs the key as the AWS rules encode it, whatever encoding went over the wire (the SDK sends
                // a//b as a/%2Fb but signs a//b); other services sign the path as sent.
                .encodedPath(service == Service.S3
                        ? SdkHttpUtils.urlEncodeIgnoreSlashes(SignedRequest.percentDecode(request.rawPath()))
                        : request.rawPath());
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            builder.host(host.substring(0, colon));
            try {
                builder.port(Integer.parseInt(host.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new SignatureException(Reason.MALFORMED, "The host header is malformed.");
            }
        } else {
            builder.host(host);
        }
        request.rawQuery().ifPresent(query -> {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                builder.appendRawQueryParameter(name, value);
            }
        });
        for (String name : auth.signedHeaders()) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw new SignatureException(Reason.SIGNATURE_MISMATCH, "Signed header " + name + " is missing.");
            }
            if (chunked && name.equals("x-amz-trailer")) {
                continue; // the signer adds it again from the checksum algorithm
            }
            if (chunked && name.equals("content-encoding")) {
                List<String> rest = new ArrayList<>();
                for (String value : values) {
                    for (String part : value.split(",")) {
                        if (!part.strip().equalsIgnoreCase("aws-chunked") && !part.isBlank()) {
                            rest.add(part.strip());
                        }
                    }
                }
                if (!rest.isEmpty()) {
                    builder.putHeader(name, String.join(",", rest));
                }
                continue; // the signer adds aws-chunked again
            }
            builder.putHeader(name, values);
        }
        return builder.build();
    }

    private static SdkHttpMethod method(String method) throws SignatureException {
        try {
            return SdkHttpMethod.fromValue(method);
        } catch (IllegalArgumentException e) {
            throw new SignatureException(Reason.MALFORMED, "Unsupported method " + method);
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static ChecksumAlgorithm checksumAlgorithm(String trailer) throws SignatureException {
        return switch (trailer.toLowerCase(Locale.ROOT)) {
            case "x-amz-checksum-crc32" -> DefaultChecksumAlgorithm.CRC32;
            case "x-amz-checksum-crc32c" -> DefaultChecksumAlgorithm.CRC32C;
            case "x-amz-checksum-crc64nvme" -> DefaultChecksumAlgorithm.CRC64NVME;
            case "x-amz-checksum-sha1" -> DefaultChecksumAlgorithm.SHA1;
            case "x-amz-checksum-sha256" -> DefaultChecksumAlgorithm.SHA256;
            default -> throw new SignatureException(Reason.MALFORMED, "Unsupported trailer " + trailer);
        };
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. */
    private record Authorization(String accessKeyId, String date, String region, String service,
            List<String> signedHeaders, String signature) {

        static Authorization parse(String header) throws SignatureException {
            String value = header.strip();
            if (!value.startsWith(ALGORITHM + " ")) {
                throw new SignatureException(Reason.MALFORMED, "Unsupported Authorization Type");
            }
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : value.substring(ALGORITHM.length()).split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
            String credential = parts.get("Credential");
            String signedHeaders = parts.get("SignedHeaders");
            String signature = parts.get("Signature");
            if (credential == null || signedHeaders == null || signature == null) {
                throw new SignatureException(Reason.MALFORMED, "Authorization header requires 'Credential', "
                        + "'SignedHeaders' and 'Signature' parameters.");
            }
            String[] scope = credential.split("/");
            if (scope.length != 5 || !scope[4].equals("aws4_request")) {
                throw new SignatureException(Reason.MALFORMED, "Credential should have the form "
                        + "<access key>/<date>/<region>/<service>/aws4_request.");
            }
            return new Authorization(scope[0], scope[1], scope[2], scope[3],
                    List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";")), signature);
        }
    }
}
