package io.amplify4j.sandbox.server.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AppSync's scalars, with AppSync's rules: {@code AWSDate}, {@code AWSTime} and {@code AWSDateTime} are ISO 8601
 * extended strings (a time zone offset optional on dates and times, required on date-times; seconds and fractions
 * optional); {@code AWSTimestamp} is an integer number of seconds since the epoch; {@code AWSEmail},
 * {@code AWSURL} (with a scheme), {@code AWSPhone} and {@code AWSIPAddress} (IPv4 or IPv6, optional prefix length)
 * are checked strings; {@code AWSJSON} is a string holding JSON, which resolvers receive parsed and whose results
 * are written back as JSON text.
 */
public final class AwsScalars {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final String OFFSET = "(Z|[+-]\\d{2}:\\d{2}(:\\d{2})?)";
    private static final String TIME = "(\\d{2}):(\\d{2})(:(\\d{2})(\\.\\d{1,9})?)?";
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})" + OFFSET + "?");
    private static final Pattern TIME_OF_DAY = Pattern.compile(TIME + OFFSET + "?");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T" + TIME + OFFSET);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]([0-9 \\-().]*[0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/(12[0-8]|1[01]\\d|[1-9]?\\d))?");

    private AwsScalars() {}

    /** All of AppSync's scalars. */
    public static List<GraphQLScalarType> all() {
        return List.of(
                string("AWSDate", "An ISO 8601 date, YYYY-MM-DD, with an optional time zone offset.", AwsScalars::isDate),
                string("AWSTime", "An ISO 8601 time, hh:mm[:ss[.sss]], with an optional time zone offset.",
                        AwsScalars::isTime),
                string("AWSDateTime", "An ISO 8601 date and time, YYYY-MM-DDThh:mm[:ss[.sss]] and a time zone offset.",
                        AwsScalars::isDateTime),
                string("AWSEmail", "An email address, local-part@domain.", s -> EMAIL.matcher(s).matches()),
                string("AWSURL", "A URL with a scheme, such as https://example.com or mailto:a@example.com.",
                        AwsScalars::isUrl),
                string("AWSPhone", "A phone number: digits, optionally a leading + and spaces or hyphens.",
                        s -> PHONE.matcher(s).matches() && s.chars().filter(Character::isDigit).count() <= 15),
                string("AWSIPAddress", "An IPv4 or IPv6 address, optionally with a prefix length.", AwsScalars::isIp),
                timestamp(),
                json());
    }

    static boolean isDate(String s) {
        Matcher m = DATE.matcher(s);
        return m.matches() && validDate(m.group(1)) && validOffset(m.group(2));
    }

    static boolean isTime(String s) {
        Matcher m = TIME_OF_DAY.matcher(s);
        return m.matches() && validTime(m.group(1), m.group(2), m.group(4)) && validOffset(m.group(6));
    }

    static boolean isDateTime(String s) {
        Matcher m = DATE_TIME.matcher(s);
        return m.matches() && validDate(m.group(1)) && validTime(m.group(2), m.group(3), m.group(5))
                && validOffset(m.group(7));
    }

    private static boolean validDate(String date) {
        try {
            LocalDate.parse(date);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean validTime(String hours, String minutes, String seconds) {
        try {
            LocalTime.of(Integer.parseInt(hours), Integer.parseInt(minutes),
                    seconds == null ? 0 : Integer.parseInt(seconds));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean validOffset(String offset) {
        if (offset == null || offset.equals("Z")) {
            return true;
        }
        String[] parts = offset.substring(1).split(":");
        return Integer.parseInt(parts[0]) <= 18 && Integer.parseInt(parts[1]) < 60
                && (parts.length < 3 || Integer.parseInt(parts[2]) < 60);
    }

    private static boolean isUrl(String s) {
        try {
            URI uri = new URI(s);
            return uri.getScheme() != null && uri.getRawSchemeSpecificPart() != null
                    && !uri.getRawSchemeSpecificPart().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isIp(String s) {
        if (IPV4.matcher(s).matches()) {
            return true;
        }
        if (!IPV6.matcher(s).matches()) {
            return false;
        }
        String address = s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
        try {
            // A literal with a colon is parsed, never looked up.
            return InetAddress.getByName(address) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static GraphQLScalarType string(String name, String description, Predicate<String> valid) {
        Coercing<String, String> coercing = new Coercing<>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof String s) {
                    return s;
                }
                throw new CoercingSerializeException("Can't serialize value of type " + typeName(value) + " as " + name);
            }

            @Override
            public String parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String s && valid.test(s)) {
                    return s;
                }
                throw new CoercingParseValueException("Invalid " + name + " value: '" + input + "'");
            }

            @Override
            public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                    Locale locale) {
                if (input instanceof StringValue s && valid.test(s.getValue())) {
                    return s.getValue();
                }
                throw new CoercingParseLiteralException("Invalid " + name + " value");
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return StringValue.of(String.valueOf(input));
            }
        };
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(coercing).build();
    }

    private static GraphQLScalarType timestamp() {
        Coercing<Long, Long> coercing = new Coercing<>() {
            private Long exact(Object value) {
                if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                    return ((Number) value).longValue();
                }
                if (value instanceof BigInteger b && b.bitLength() < 64) {
                    return b.longValue();
                }
                if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                    return d.longValue();
                }
                return null;
            }

            @Override
            public Long serialize(Object value, GraphQLContext context, Locale locale) {
                Long result = exact(value);
                if (result == null) {
                    throw new CoercingSerializeException("Can't serialize value of type " + typeName(value)
                            + " as AWSTimestamp");
                }
                return result;
            }

            @Override
            public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                Long result = exact(input);
                if (result == null) {
                    throw new CoercingParseValueException("Invalid AWSTimestamp value: '" + input + "'");
                }
                return result;
            }

            @Override
            public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                    Locale locale) {
                if (input instanceof IntValue i && i.getValue().bitLength() < 64) {
                    return i.getValue().longValue();
                }
                throw new CoercingParseLiteralException("Invalid AWSTimestamp value");
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return IntValue.of(((Number) input).intValue());
            }
        };
        return GraphQLScalarType.newScalar().name("AWSTimestamp")
                .description("Seconds since 1970-01-01T00:00Z.").coercing(coercing).build();
    }

    private static GraphQLScalarType json() {
        Coercing<Object, String> coercing = new Coercing<>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof String s) {
                    return s;
                }
                try {
                    return JSON.writeValueAsString(value);
                } catch (JsonProcessingException e) {
                    throw new CoercingSerializeException("Can't serialize value as AWSJSON");
                }
            }

            private Object parse(String text) {
                try {
                    return JSON.readValue(text, Object.class);
                } catch (JsonProcessingException e) {
                    return INVALID;
                }
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                Object parsed = input instanceof String s ? parse(s) : INVALID;
                if (parsed == INVALID) {
                    throw new CoercingParseValueException("Invalid AWSJSON value: a string holding JSON is expected");
                }
                return parsed;
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                    Locale locale) {
                Object parsed = input instanceof StringValue s ? parse(s.getValue()) : INVALID;
                if (parsed == INVALID) {
                    throw new CoercingParseLiteralException("Invalid AWSJSON value");
                }
                return parsed;
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return StringValue.of(serialize(input, context, locale));
            }
        };
        return GraphQLScalarType.newScalar().name("AWSJSON").description("A JSON value, written as a string.")
                .coercing(coercing).build();
    }

    private static final Object INVALID = new Object();
}
