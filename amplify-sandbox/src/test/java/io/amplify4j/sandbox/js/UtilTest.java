package io.amplify4j.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code util} surface with exact outputs. Time vectors are AppSync's documented examples (the clock is fixed
 * at {@link Guest#NOW}); DynamoDB helper shapes follow outputs recorded from AppSync (numbers stay JSON numbers:
 * {@code {"N": 12345}}).
 */
class UtilTest {
    private static ResolverEngine engine;

    @BeforeAll
    static void start() {
        engine = Guest.engine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Stream<Arguments> exactOutputs() {
        return Stream.of(
                // util.time
                a("util.time.nowISO8601()", "2018-02-06T19:01:35.749Z"),
                a("util.time.nowEpochSeconds()", 1517943695L),
                a("util.time.nowEpochMilliSeconds()", 1517943695749L),
                a("util.time.nowFormatted('yyyy-MM-dd HH:mm:ssZ')", "2018-02-06 19:01:35+0000"),
                a("util.time.nowFormatted('yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth')", "2018-02-07 03:01:35+0800"),
                a("util.time.parseFormattedToEpochMilliSeconds('2018-02-01 17:54:24+0000', 'yyyy-MM-dd HH:mm:ssZ')",
                        1517507664000L),
                a("util.time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22', 'yyyy-MM-dd HH:mm:ss', '+08:00')",
                        1517505562000L),
                a("util.time.parseFormattedToEpochMilliSeconds('2018-02-01', 'yyyy-MM-dd')", 1517443200000L),
                a("util.time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.180+08:00')", 1517476865180L),
                a("util.time.parseISO8601ToEpochMilliSeconds('2018-02-06T19:01:35.749Z')", 1517943695749L),
                a("util.time.epochMilliSecondsToSeconds(1517943695750)", 1517943695L),
                a("util.time.epochMilliSecondsToISO8601(1517943695750)", "2018-02-06T19:01:35.750Z"),
                a("util.time.epochMilliSecondsToISO8601(1517943695000)", "2018-02-06T19:01:35.000Z"),
                a("util.time.epochMilliSecondsToFormatted(1517943695750, 'yyyy-MM-dd HH:mm:ssZ')",
                        "2018-02-06 19:01:35+0000"),
                a("util.time.epochMilliSecondsToFormatted(1517943695750, 'yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth')",
                        "2018-02-07 03:01:35+0800"),
                // util.dynamodb
                a("util.dynamodb.toDynamoDB('test')", Map.of("S", "test")),
                a("util.dynamodb.toDynamoDB(12345)", Map.of("N", 12345L)),
                a("util.dynamodb.toDynamoDB(4.5)", Map.of("N", 4.5)),
                a("util.dynamodb.toDynamoDB(true)", Map.of("BOOL", true)),
                a("util.dynamodb.toDynamoDB(null)", Guest.json("{\"NULL\":null}")),
                a("util.dynamodb.toDynamoDB(['a', 1])", Map.of("L", List.of(Map.of("S", "a"), Map.of("N", 1L)))),
                a("util.dynamodb.toDynamoDB({ a: { b: false } })",
                        Map.of("M", Map.of("a", Map.of("M", Map.of("b", Map.of("BOOL", false)))))),
                a("util.dynamodb.toString('test')", Map.of("S", "test")),
                a("util.dynamodb.toStringSet(['foo', 'bar', 'baz'])", Map.of("SS", List.of("foo", "bar", "baz"))),
                a("util.dynamodb.toNumber(12345)", Map.of("N", 12345L)),
                a("util.dynamodb.toNumberSet([1, 23, 4.56])", Map.of("NS", List.of(1L, 23L, 4.56))),
                a("util.dynamodb.toBinary('foo')", Map.of("B", "foo")),
                a("util.dynamodb.toBinarySet(['foo', 'bar'])", Map.of("BS", List.of("foo", "bar"))),
                a("util.dynamodb.toBoolean(true)", Map.of("BOOL", true)),
                a("util.dynamodb.toNull()", Guest.json("{\"NULL\":null}")),
                a("util.dynamodb.toList(['foo', 123, { bar: 'baz' }])", Map.of("L", List.of(
                        Map.of("S", "foo"), Map.of("N", 123L), Map.of("M", Map.of("bar", Map.of("S", "baz")))))),
                a("util.dynamodb.toMap({ foo: 'bar', baz: 1234, beep: ['boop'] })", Map.of("M", Map.of(
                        "foo", Map.of("S", "bar"),
                        "baz", Map.of("N", 1234L),
                        "beep", Map.of("L", List.of(Map.of("S", "boop")))))),
                a("util.dynamodb.toMapValues({ foo: 'bar', baz: 1234, beep: ['boop'] })", Map.of(
                        "foo", Map.of("S", "bar"),
                        "baz", Map.of("N", 1234L),
                        "beep", Map.of("L", List.of(Map.of("S", "boop"))))),
                a("util.dynamodb.toS3Object('foo', 'bar', 'baz')",
                        Map.of("S", "{\"s3\":{\"key\":\"foo\",\"bucket\":\"bar\",\"region\":\"baz\"}}")),
                a("util.dynamodb.toS3Object('foo', 'bar', 'baz', 'beep')",
                        Map.of("S", "{\"s3\":{\"key\":\"foo\",\"bucket\":\"bar\",\"region\":\"baz\",\"version\":\"beep\"}}")),
                a("util.dynamodb.fromS3ObjectJson('{\"s3\":{\"key\":\"foo\",\"bucket\":\"bar\",\"region\":\"baz\"}}')",
                        Map.of("key", "foo", "bucket", "bar", "region", "baz")),
                // encoding and matching
                a("util.escapeJavaScript('He said \"it\\'s\" a/b\\\\c\\n\\té')",
                        "He said \\\"it\\'s\\\" a\\/b\\\\c\\n\\t\\u00E9"),
                a("util.urlEncode('a b&c=d/é')", "a+b%26c%3Dd%2F%C3%A9"),
                a("util.urlDecode('a+b%26c%3Dd%2F%C3%A9')", "a b&c=d/é"),
                a("util.base64Encode('hello, world é')", "aGVsbG8sIHdvcmxkIMOp"),
                a("util.base64Decode('aGVsbG8sIHdvcmxkIMOp')", "hello, world é"),
                a("util.matches('a*b', 'aaaaab')", true),
                a("util.matches('a', 'ab')", false),
                a("util.matches('[0-9]{3}-[0-9]{4}', '555-1234')", true),
                a("util.authType()", "API Key Authorization"),
                // util.math and util.str
                a("util.math.roundNum(2.5)", 3L),
                a("util.math.roundNum(-2.5)", -2L),
                a("util.math.roundNum(1.2)", 1L),
                a("util.math.minVal(3, 7.5)", 3L),
                a("util.math.maxVal(3, 7.5)", 7.5),
                a("util.str.normalize('e\\u0301', 'nfc')", "é"),
                a("util.str.normalize('é', 'nfd').length", 2L),
                a("util.str.normalize('ﬁ', 'nfkc')", "fi"));
    }

    private static Arguments a(String expression, Object expected) {
        return Arguments.of(expression, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactOutputs")
    void exactOutputs(String expression, Object expected) {
        assertThat(Guest.eval(engine, expression)).isEqualTo(expected);
    }

    @Test
    void randomNumbersStayInTheirRanges() {
        var values = Guest.map(Guest.eval(engine, """
                { d: [1, 2, 3, 4, 5, 6, 7, 8].map(() => util.math.randomDouble()),
                  r: [1, 2, 3, 4, 5, 6, 7, 8].map(() => util.math.randomWithinRange(3, 5)) }"""));
        assertThat(Json.asList(values.get("d"))).allSatisfy(d -> assertThat(((Number) d).doubleValue()).isBetween(0.0, 1.0));
        assertThat(Json.asList(values.get("r"))).allSatisfy(r -> assertThat((Long) r).isBetween(3L, 5L));
    }

    @Test
    void idsHaveTheirFormatsAndCarryTheClock() {
        var ids = Guest.map(Guest.eval(engine, "({ id: util.autoId(), ulid: util.autoUlid(), ksuid: util.autoKsuid() })"));
        assertThat((String) ids.get("id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        // 48 bits of milliseconds, then 80 random bits, in Crockford base 32
        assertThat((String) ids.get("ulid")).matches("[0-9A-HJKMNP-TV-Z]{26}").startsWith("01C5P7XAC5");
        String ksuid = (String) ids.get("ksuid");
        assertThat(ksuid).matches("[0-9A-Za-z]{27}");
        // the first 32 of its 160 bits are the seconds since 2014-05-13T16:53:20Z
        BigInteger value = BigInteger.ZERO;
        for (char c : ksuid.toCharArray()) {
            value = value.multiply(BigInteger.valueOf(62)).add(BigInteger.valueOf(
                    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".indexOf(c)));
        }
        assertThat(value.shiftRight(128).longValueExact()).isEqualTo(Guest.NOW.getEpochSecond() - 1_400_000_000L);
    }

    @Test
    void aSeededGeneratorAndAFixedClockGiveTheSameIdsEveryRun() {
        String ids = "[util.autoId(), util.autoUlid(), util.autoKsuid(), util.math.randomDouble()]";
        Object first;
        Object second;
        try (var one = Guest.engine(new Random(7))) {
            first = Guest.eval(one, ids);
        }
        try (var two = Guest.engine(new Random(7))) {
            second = Guest.eval(two, ids);
        }
        assertThat(first).isEqualTo(second);
        try (var other = Guest.engine(new Random(8))) {
            assertThat(Guest.eval(other, ids)).isNotEqualTo(first);
        }
    }

    @Test
    void utilRuntimeAndExtensionsAreAlsoGlobals() {
        engine.define("globals.js", """
                export function request(ctx) {
                  return { time: util.time.nowEpochSeconds(), early: typeof runtime.earlyReturn, ext: typeof extensions.setSubscriptionFilter };
                }
                export function response(ctx) {
                  return ctx.prev.result;
                }
                """);
        assertThat(engine.execute(Pipeline.of("globals.js"), Guest.request()).data())
                .isEqualTo(Map.of("time", 1517943695L, "early", "function", "ext", "function"));
    }

    @Test
    void theVtlOnlyHelpersAreAbsentAsInAppSyncJs() {
        // isNull, defaultIfNull, typeOf, toJson... belong to VTL's $util; @aws-appsync/utils does not declare them,
        // so code calling them must fail here as it would in AppSync
        assertThat(Guest.eval(engine, "['isNull', 'isNullOrEmpty', 'isNullOrBlank', 'defaultIfNull', 'typeOf', 'isString',"
                + " 'toJson', 'parseJson', 'qr', 'quiet'].filter((name) => util[name] !== undefined)"))
                .isEqualTo(java.util.List.of());
    }

    @Test
    void theUtilObjectCannotBeChangedByResolverCode() {
        var result = Guest.run(engine, "util.autoId = () => 'fixed'; return util.autoId();", Guest.request());
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.errorType()).contains("Code");
            assertThat(e.message()).startsWith("TypeError");
        });
    }
}
