package com.example.faults;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A function granted data access ({@code allow.resource(fn)}) calling the GraphQL API as Amplify's functions do:
 * the endpoint from {@code amplifyData_GRAPHQL_ENDPOINT}, a request signed with SigV4 (service {@code appsync})
 * with the function's credentials from {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
 * {@code AWS_SESSION_TOKEN}, signing the same headers the AWS SDK signs. Plain JDK, as a dependency-free handler
 * would be. Answers the HTTP status and body.
 */
public class IamCallerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            URI endpoint = URI.create(System.getenv("amplifyData_GRAPHQL_ENDPOINT"));
            String query = String.valueOf(event.getOrDefault("query", "{ listNotes { items { id } } }"));
            byte[] body = ("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
            String region = System.getenv("AWS_REGION");
            String accessKey = System.getenv("AWS_ACCESS_KEY_ID");
            String secret = System.getenv("AWS_SECRET_ACCESS_KEY");
            String token = System.getenv("AWS_SESSION_TOKEN");
            String amzDate = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
            String date = amzDate.substring(0, 8);
            String host = endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
            String payloadHash = hex(sha256(body));
            String signedHeaders = "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token";
            String canonical = "POST\n" + endpoint.getRawPath() + "\n\n"
                    + "content-type:application/json\n"
                    + "host:" + host + "\n"
                    + "x-amz-content-sha256:" + payloadHash + "\n"
                    + "x-amz-date:" + amzDate + "\n"
                    + "x-amz-security-token:" + token + "\n\n"
                    + signedHeaders + "\n" + payloadHash;
            String scope = date + "/" + region + "/appsync/aws4_request";
            String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                    + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
            byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
            key = hmac(key, region);
            key = hmac(key, "appsync");
            key = hmac(key, "aws4_request");
            String signature = hex(hmac(key, toSign));
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("content-type", "application/json")
                    .header("x-amz-content-sha256", payloadHash)
                    .header("x-amz-date", amzDate)
                    .header("x-amz-security-token", token)
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope
                            + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature)
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            out.put("status", response.statusCode());
            out.put("body", response.body());
        } catch (Exception e) {
            out.put("error", e.toString());
        }
        return out;
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
