package io.amplify4j.sandbox.iam;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code aws-chunked} body taken apart: the data and the trailing headers. The chunk framing is
 * {@code <hex size>[;chunk-signature=<sig>]\r\n<data>\r\n}, ending with a zero-size chunk, optional trailer lines
 * {@code name:value\r\n} and an empty line. Signatures are not checked here: the verifier re-signs the data and
 * compares the whole encoding.
 *
 * @param data the decoded object bytes
 * @param trailers the trailing headers (names lower-cased), for example {@code x-amz-checksum-crc32}
 */
record AwsChunkedBody(byte[] data, Map<String, String> trailers) {

    /** Decodes {@code body}, or empty when it is not a well-formed aws-chunked encoding. */
    static Optional<AwsChunkedBody> decode(byte[] body) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(Math.max(16, body.length));
        int i = 0;
        while (true) {
            int end = lineEnd(body, i);
            if (end < 0) {
                return Optional.empty();
            }
            String header = new String(body, i, end - i, StandardCharsets.ISO_8859_1);
            int semicolon = header.indexOf(';');
            String hex = semicolon < 0 ? header : header.substring(0, semicolon);
            int size;
            try {
                size = Integer.parseInt(hex.strip(), 16);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            i = end + 2;
            if (size < 0 || size > body.length - i) {
                return Optional.empty();
            }
            if (size == 0) {
                break;
            }
            data.write(body, i, size);
            i += size;
            if (i + 2 > body.length || body[i] != '\r' || body[i + 1] != '\n') {
                return Optional.empty();
            }
            i += 2;
        }
        Map<String, String> trailers = new LinkedHashMap<>();
        while (true) {
            int end = lineEnd(body, i);
            if (end < 0) {
                // Some encoders end the last trailer without the final empty line.
                if (i == body.length) {
                    break;
                }
                return Optional.empty();
            }
            if (end == i) {
                i += 2;
                break;
            }
            String line = new String(body, i, end - i, StandardCharsets.ISO_8859_1);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            trailers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            i = end + 2;
        }
        if (i != body.length) {
            return Optional.empty();
        }
        return Optional.of(new AwsChunkedBody(data.toByteArray(), trailers));
    }

    private static int lineEnd(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
