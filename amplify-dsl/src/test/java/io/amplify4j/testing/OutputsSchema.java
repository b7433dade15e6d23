package io.amplify4j.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Amplify's published {@code amplify_outputs.json} schemas (copies under {@code amplify-outputs-schema/} in the test
 * resources, shipped in this module's test-jar), checked with the networknt validator. Every outputs file the
 * project writes is checked here, by the module that writes it.
 */
public final class OutputsSchema {
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private OutputsSchema() {}

    /**
     * The problems of {@code json} against the schema of version {@code version} ({@code "1.4"} or {@code "1.5"});
     * empty when it validates.
     */
    public static List<String> problems(String json, String version) {
        Schema schema = SCHEMAS.computeIfAbsent(version, OutputsSchema::load);
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** The problems of {@code json} against the schema its own {@code version} field names. */
    public static List<String> problems(String json) {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"(1\\.[45])\"")
                .matcher(json);
        if (!version.find()) {
            return List.of("no \"version\": \"1.4\" or \"1.5\" field");
        }
        return problems(json, version.group(1));
    }

    private static Schema load(String version) {
        String resource = "/amplify-outputs-schema/schema_v" + version + ".json";
        try (InputStream in = OutputsSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No outputs schema " + resource + " on the test classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
