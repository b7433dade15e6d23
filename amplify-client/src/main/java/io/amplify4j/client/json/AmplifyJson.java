package io.amplify4j.client.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The JSON mapping generated clients use, matching AppSync's scalars:
 *
 * <ul>
 *   <li>{@code AWSDateTime} ↔ {@link java.time.Instant}, written in ISO-8601 UTC ({@code 2026-11-26T09:30:00Z});</li>
 *   <li>{@code AWSDate} ↔ {@link LocalDate} and {@code AWSTime} ↔ {@link LocalTime}, read leniently (AppSync allows
 *       an offset such as {@code Z} after them) and written without one;</li>
 *   <li>{@code AWSTimestamp} ↔ {@code Instant} as epoch seconds, where a field says so with {@link AwsTimestamp}
 *       (or {@link EpochSecondsSerializer} and {@link EpochSecondsDeserializer});</li>
 *   <li>{@code AWSJSON} ↔ {@link com.fasterxml.jackson.databind.JsonNode}, as AppSync's JSON-encoded string, where a
 *       field says so with {@link AwsJson};</li>
 *   <li>records, {@code Optional}, unknown properties ignored on read, nulls written unless a type says otherwise.</li>
 * </ul>
 *
 * <p>An {@link ObjectMapper} is thread-safe once configured but costly to create: make one and keep it.
 */
public final class AmplifyJson {
    private AmplifyJson() {}

    /** A new mapper configured for AppSync's scalars and generated types. */
    public static ObjectMapper mapper() {
        SimpleModule scalars = new SimpleModule("amplify4j-aws-scalars");
        scalars.addSerializer(LocalTime.class, new AwsTimeSerializer());
        scalars.addDeserializer(LocalTime.class, new AwsTimeDeserializer());
        scalars.addDeserializer(LocalDate.class, new AwsDateDeserializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(scalars)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                        JsonInclude.Include.ALWAYS))
                .build();
    }

    /** {@code AWSTime} written as {@code HH:mm:ss[.fraction]}, always with seconds. */
    static final class AwsTimeSerializer extends StdScalarSerializer<LocalTime> {
        AwsTimeSerializer() {
            super(LocalTime.class);
        }

        @Override
        public void serialize(LocalTime value, com.fasterxml.jackson.core.JsonGenerator gen,
                com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_LOCAL_TIME.format(value));
        }
    }

    /** {@code AWSTime} read with or without an offset ({@code 12:30:00Z}, {@code 12:30:00.5+01:00}). */
    static final class AwsTimeDeserializer extends StdScalarDeserializer<LocalTime> {
        AwsTimeDeserializer() {
            super(LocalTime.class);
        }

        @Override
        public LocalTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return LocalTime.from(DateTimeFormatter.ISO_TIME.parse(text.strip()));
            } catch (DateTimeParseException | NullPointerException e) {
                return (LocalTime) context.handleWeirdStringValue(LocalTime.class, text,
                        "not an AWSTime (hh:mm[:ss[.sss]][offset])");
            }
        }
    }

    /** {@code AWSDate} read with or without an offset ({@code 2026-11-26}, {@code 2026-11-26Z}). */
    static final class AwsDateDeserializer extends StdScalarDeserializer<LocalDate> {
        AwsDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return LocalDate.from(DateTimeFormatter.ISO_DATE.parse(text.strip()));
            } catch (DateTimeParseException | NullPointerException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "not an AWSDate (yyyy-mm-dd[offset])");
            }
        }
    }
}
