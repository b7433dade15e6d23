package io.amplify4j.client.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AppSync's scalars map to java.time and JsonNode as generated records declare them. */
class AmplifyJsonTest {
    private final ObjectMapper json = AmplifyJson.mapper();

    record Event(String id, LocalDate day, LocalTime at, Instant placedAt, @AwsTimestamp Instant seen,
            @AwsJson JsonNode attributes, Optional<String> note) {}

    record Explicit(@JsonSerialize(using = EpochSecondsSerializer.class)
            @JsonDeserialize(using = EpochSecondsDeserializer.class) Instant seen,
            @JsonSerialize(using = AwsJsonSerializer.class) @JsonDeserialize(using = AwsJsonDeserializer.class)
            JsonNode attributes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sparse(String id, String note) {}

    @Test
    void writesAwsScalarsInTheirWireForm() throws Exception {
        Event event = new Event("1", LocalDate.of(2026, 11, 26), LocalTime.of(9, 30),
                Instant.parse("2026-11-26T09:30:00Z"), Instant.ofEpochSecond(1_700_000_000),
                json.readTree("{\"size\":\"L\"}"), Optional.empty());
        assertThat(json.writeValueAsString(event)).isEqualTo("{\"id\":\"1\",\"day\":\"2026-11-26\",\"at\":\"09:30:00\","
                + "\"placedAt\":\"2026-11-26T09:30:00Z\",\"seen\":1700000000,\"attributes\":\"{\\\"size\\\":\\\"L\\\"}\","
                + "\"note\":null}");
    }

    @Test
    void readsWhatAppSyncSendsIncludingOffsetsAndUnknownFields() throws Exception {
        Event event = json.readValue("{\"id\":\"1\",\"day\":\"2026-11-26Z\",\"at\":\"09:30:00.5Z\","
                + "\"placedAt\":\"2026-11-26T10:30:00.000+01:00\",\"seen\":1700000000,"
                + "\"attributes\":\"{\\\"size\\\":\\\"L\\\"}\",\"unknown\":42}", Event.class);
        assertThat(event.day()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(event.at()).isEqualTo(LocalTime.of(9, 30, 0, 500_000_000));
        assertThat(event.placedAt()).isEqualTo(Instant.parse("2026-11-26T09:30:00Z"));
        assertThat(event.seen()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(event.attributes().get("size").asText()).isEqualTo("L");
        assertThat(event.note()).isEmpty();
    }

    @Test
    void theExplicitSerializersMatchTheAnnotations() throws Exception {
        Explicit value = json.readValue("{\"seen\":\"1700000000\",\"attributes\":{\"already\":\"structured\"}}",
                Explicit.class);
        assertThat(value.seen()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(value.attributes().get("already").asText()).isEqualTo("structured");
        assertThat(json.writeValueAsString(value))
                .isEqualTo("{\"seen\":1700000000,\"attributes\":\"{\\\"already\\\":\\\"structured\\\"}\"}");
    }

    @Test
    void nullsAreWrittenUnlessTheTypeSaysOtherwise() throws Exception {
        assertThat(json.writeValueAsString(new Sparse("1", null))).isEqualTo("{\"id\":\"1\"}");
    }

    @Test
    void malformedScalarsAreRefusedNamingTheFormat() {
        assertThatThrownBy(() -> json.readValue("{\"at\":\"half past nine\"}", Event.class))
                .hasMessageContaining("not an AWSTime");
        assertThatThrownBy(() -> json.readValue("{\"day\":\"26/11/2026\"}", Event.class))
                .hasMessageContaining("not an AWSDate");
        assertThatThrownBy(() -> json.readValue("{\"seen\":\"soon\"}", Event.class))
                .hasMessageContaining("not epoch seconds");
    }
}
