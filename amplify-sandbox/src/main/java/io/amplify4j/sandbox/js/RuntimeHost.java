package io.amplify4j.sandbox.js;

import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The Java half of {@code @aws-appsync/utils}: what guest code cannot do itself or must not do on its own (clock,
 * randomness, Java's regular expressions and date formats, which AppSync's documentation names as the reference).
 * Exposed to the runtime module only, as a proxy object of functions; guest code gets no other host access.
 */
final class RuntimeHost implements ProxyObject {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final long KSUID_EPOCH = 1_400_000_000L;

    private final Clock clock;
    private final RandomGenerator random;
    private final Map<String, ProxyExecutable> functions = new HashMap<>();

    RuntimeHost(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
        functions.put("nowEpochMilliSeconds", args -> clock.millis());
        functions.put("epochMilliSecondsToSeconds", args -> Math.floorDiv(args[0].asLong(), 1000L));
        functions.put("epochMilliSecondsToISO8601", args -> ISO_MILLIS.format(Instant.ofEpochMilli(args[0].asLong())));
        functions.put("epochMilliSecondsToFormatted",
                args -> formatter(args[1].asString(), zone(args, 2)).format(Instant.ofEpochMilli(args[0].asLong())));
        functions.put("parseFormattedToEpochMilliSeconds",
                args -> parseFormatted(args[0].asString(), args[1].asString(), zone(args, 2)));
        functions.put("parseISO8601ToEpochMilliSeconds", args -> parseIso(args[0].asString()));
        functions.put("autoId", args -> uuid());
        functions.put("autoUlid", args -> ulid());
        functions.put("autoKsuid", args -> ksuid());
        functions.put("randomDouble", args -> random.nextDouble());
        functions.put("randomWithinRange", args -> randomWithinRange(args[0].asLong(), args[1].asLong()));
        functions.put("roundNum", args -> Math.round(args[0].asDouble()));
        functions.put("matches", args -> Pattern.matches(args[0].asString(), args[1].asString()));
        functions.put("escapeJavaScript", args -> escapeJavaScript(args[0].asString()));
        functions.put("urlEncode", args -> URLEncoder.encode(args[0].asString(), StandardCharsets.UTF_8));
        functions.put("urlDecode", args -> URLDecoder.decode(args[0].asString(), StandardCharsets.UTF_8));
        functions.put("base64Encode",
                args -> Base64.getEncoder().encodeToString(args[0].asString().getBytes(StandardCharsets.UTF_8)));
        functions.put("base64Decode",
                args -> new String(Base64.getDecoder().decode(args[0].asString()), StandardCharsets.UTF_8));
    }

    @Override
    public Object getMember(String key) {
        return functions.get(key);
    }

    @Override
    public Object getMemberKeys() {
        return functions.keySet().stream().sorted().toArray(String[]::new);
    }

    @Override
    public boolean hasMember(String key) {
        return functions.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("read-only");
    }

    private static ZoneId zone(Value[] args, int index) {
        if (args.length <= index || args[index].isNull()) {
            return ZoneOffset.UTC;
        }
        return ZoneId.of(args[index].asString());
    }

    private static DateTimeFormatter formatter(String pattern, ZoneId zone) {
        return DateTimeFormatter.ofPattern(pattern).withZone(zone);
    }

    static long parseFormatted(String text, String pattern, ZoneId zone) {
        DateTimeFormatter parser = new DateTimeFormatterBuilder()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
                .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
                .toFormatter();
        TemporalAccessor parsed = parser.parse(text);
        LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), java.time.LocalTime.from(parsed));
        ZoneId parsedZone = parsed.query(TemporalQueries.zone());
        return ZonedDateTime.of(local, parsedZone != null ? parsedZone : zone).toInstant().toEpochMilli();
    }

    static long parseIso(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
        }
    }

    private long randomWithinRange(long start, long end) {
        long low = Math.min(start, end);
        long high = Math.max(start, end);
        return low + random.nextLong(high - low + 1);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private String uuid() {
        byte[] b = randomBytes(16);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        StringBuilder hex = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                hex.append('-');
            }
            hex.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return hex.toString();
    }

    /** 48 bits of milliseconds and 80 random bits, Crockford base 32, 26 characters. */
    private String ulid() {
        BigInteger value = BigInteger.valueOf(clock.millis() & 0xFFFF_FFFF_FFFFL)
                .shiftLeft(80)
                .or(new BigInteger(1, randomBytes(10)));
        char[] out = new char[26];
        for (int i = 25; i >= 0; i--) {
            out[i] = CROCKFORD[value.intValue() & 31];
            value = value.shiftRight(5);
        }
        return new String(out);
    }

    /** 32 bits of seconds since the KSUID epoch (2014-05-13T16:53:20Z) and 128 random bits, base 62, 27 characters. */
    private String ksuid() {
        byte[] bytes = new byte[20];
        long seconds = Math.floorDiv(clock.millis(), 1000L) - KSUID_EPOCH;
        bytes[0] = (byte) (seconds >>> 24);
        bytes[1] = (byte) (seconds >>> 16);
        bytes[2] = (byte) (seconds >>> 8);
        bytes[3] = (byte) seconds;
        System.arraycopy(randomBytes(16), 0, bytes, 4, 16);
        BigInteger value = new BigInteger(1, bytes);
        BigInteger base = BigInteger.valueOf(62);
        char[] out = new char[27];
        for (int i = 26; i >= 0; i--) {
            BigInteger[] qr = value.divideAndRemainder(base);
            out[i] = BASE62.charAt(qr[1].intValue());
            value = qr[0];
        }
        return new String(out);
    }

    /**
     * JavaScript string escaping in the manner of Apache Commons Text's {@code escapeEcmaScript}: quotes, backslash
     * and slash get a backslash, control characters their short or {@code \\uXXXX} form, and everything outside
     * printable ASCII a {@code \\uXXXX} escape.
     */
    static String escapeJavaScript(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
