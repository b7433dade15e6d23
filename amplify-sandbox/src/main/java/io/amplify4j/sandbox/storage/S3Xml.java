package io.amplify4j.sandbox.storage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** S3's XML documents, written by hand in S3's element order (the SDK's parser reads them by name). */
final class S3Xml {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private S3Xml() {}

    /** {@code <Error><Code/><Message/>[<resource element/>]<RequestId/></Error>}. */
    static String error(String code, String message, String resourceElement, String resource, String requestId) {
        StringBuilder out = new StringBuilder(HEAD).append("<Error>");
        element(out, "Code", code);
        element(out, "Message", message);
        if (resourceElement != null && resource != null) {
            element(out, resourceElement, resource);
        }
        element(out, "RequestId", requestId);
        element(out, "HostId", requestId);
        return out.append("</Error>").toString();
    }

    /** One page of ListObjectsV2. */
    record ListPage(String bucket, String prefix, String delimiter, int maxKeys, String encodingType,
            String continuationToken, String nextContinuationToken, String startAfter,
            List<ObjectStore.Summary> contents, List<String> commonPrefixes) {}

    static String listBucketResult(ListPage page) {
        boolean url = "url".equals(page.encodingType());
        StringBuilder out = new StringBuilder(HEAD).append("<ListBucketResult xmlns=\"").append(NS).append("\">");
        element(out, "Name", page.bucket());
        element(out, "Prefix", encode(page.prefix(), url));
        if (page.delimiter() != null) {
            element(out, "Delimiter", encode(page.delimiter(), url));
        }
        element(out, "MaxKeys", Integer.toString(page.maxKeys()));
        if (page.encodingType() != null) {
            element(out, "EncodingType", page.encodingType());
        }
        element(out, "KeyCount", Integer.toString(page.contents().size() + page.commonPrefixes().size()));
        element(out, "IsTruncated", Boolean.toString(page.nextContinuationToken() != null));
        if (page.continuationToken() != null) {
            element(out, "ContinuationToken", page.continuationToken());
        }
        if (page.nextContinuationToken() != null) {
            element(out, "NextContinuationToken", page.nextContinuationToken());
        }
        if (page.startAfter() != null) {
            element(out, "StartAfter", encode(page.startAfter(), url));
        }
        for (ObjectStore.Summary summary : page.contents()) {
            out.append("<Contents>");
            element(out, "Key", encode(summary.key(), url));
            element(out, "LastModified", ISO_MILLIS.format(summary.lastModified()));
            element(out, "ETag", summary.etag());
            element(out, "Size", Long.toString(summary.size()));
            element(out, "StorageClass", "STANDARD");
            out.append("</Contents>");
        }
        for (String prefix : page.commonPrefixes()) {
            out.append("<CommonPrefixes>");
            element(out, "Prefix", encode(prefix, url));
            out.append("</CommonPrefixes>");
        }
        return out.append("</ListBucketResult>").toString();
    }

    static String isoMillis(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    private static String encode(String value, boolean url) {
        return url ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : value;
    }

    private static void element(StringBuilder out, String name, String value) {
        out.append('<').append(name).append('>');
        escape(out, value);
        out.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append("&#10;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
    }
}
