package io.amplify4j.sandbox.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AwsScalarsTest {
    private static GraphQLScalarType scalar(String name) {
        return AwsScalars.all().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Object parse(String name, Object value) {
        return scalar(name).getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.ROOT);
    }

    @ParameterizedTest
    @CsvSource({
        "AWSDate, 1970-01-01", "AWSDate, 1970-01-01Z", "AWSDate, 1970-01-01-07:00", "AWSDate, 2024-02-29",
        "AWSTime, 12:30", "AWSTime, 12:30:45", "AWSTime, 12:30:45.123Z", "AWSTime, 23:59:59+05:30",
        "AWSDateTime, 1970-01-01T12:00Z", "AWSDateTime, 2024-05-06T07:08:09.123Z", "AWSDateTime, 1970-01-01T12:00:00+01:00",
        "AWSEmail, someone@example.com", "AWSURL, https://example.com/a?b=c", "AWSURL, mailto:a@example.com",
        "AWSPhone, +1 555 123 4567", "AWSPhone, 555-123-4567", "AWSIPAddress, 127.0.0.1", "AWSIPAddress, 10.0.0.0/8",
        "AWSIPAddress, ::1", "AWSIPAddress, 2001:db8::/32",
    })
    void acceptsValidValues(String name, String value) {
        assertThat(parse(name, value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({
        "AWSDate, 1970-13-01", "AWSDate, 2023-02-29", "AWSDate, 70-01-01", "AWSDate, 1970-01-01T00:00Z",
        "AWSTime, 25:00", "AWSTime, 12", "AWSDateTime, 1970-01-01T12:00", "AWSDateTime, 1970-01-01 12:00Z",
        "AWSDateTime, 1970-01-01T12:61Z", "AWSEmail, nobody", "AWSEmail, a@@b.com", "AWSURL, example.com",
        "AWSPhone, call me", "AWSIPAddress, 256.1.1.1", "AWSIPAddress, 1.2.3.4/33", "AWSIPAddress, example.com",
    })
    void refusesInvalidValues(String name, String value) {
        assertThatThrownBy(() -> parse(name, value)).isInstanceOf(CoercingParseValueException.class);
    }

    @Test
    void timestampsAreIntegersOfSeconds() {
        assertThat(parse("AWSTimestamp", 1_700_000_000L)).isEqualTo(1_700_000_000L);
        assertThat(parse("AWSTimestamp", 5)).isEqualTo(5L);
        assertThatThrownBy(() -> parse("AWSTimestamp", "5")).isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> parse("AWSTimestamp", 1.5)).isInstanceOf(CoercingParseValueException.class);
    }

    @Test
    void jsonIsAStringInAndParsedForResolvers() {
        assertThat(parse("AWSJSON", "{\"a\":[1,true,null]}")).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, true, null)));
        assertThatThrownBy(() -> parse("AWSJSON", "{nope")).isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> parse("AWSJSON", Map.of("a", 1))).isInstanceOf(CoercingParseValueException.class);
        Object out = scalar("AWSJSON").getCoercing().serialize(Map.of("a", List.of(1)), GraphQLContext.getDefault(),
                Locale.ROOT);
        assertThat(out).isEqualTo("{\"a\":[1]}");
    }
}
