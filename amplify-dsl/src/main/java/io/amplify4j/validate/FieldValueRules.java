package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;
import static io.amplify4j.validate.NameRules.qList;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.EnumDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.FieldValidator;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.TypeRef;
import io.amplify4j.model.data.ValidatorKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Default values and validators of model fields. Defaults must parse as the field's type, because the resolver
 * writes them verbatim; validators must fit the field's kind and must admit at least one value.
 */
final class FieldValueRules {
    private FieldValueRules() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String OFFSET = "(Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?)";
    private static final String TIME = "(\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)";
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})" + OFFSET + "?");
    private static final Pattern TIME_OF_DAY = Pattern.compile(TIME + OFFSET + "?");
    // AppSync requires the offset on AWSDateTime values.
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T" + TIME + OFFSET);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d{3,15}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private static final Map<ScalarType, String> HINTS = new EnumMap<>(Map.ofEntries(
            Map.entry(ScalarType.INT, "a whole number from -2147483648 to 2147483647"),
            Map.entry(ScalarType.FLOAT, "a finite number such as `1.5`"),
            Map.entry(ScalarType.BOOLEAN, "`true` or `false`"),
            Map.entry(ScalarType.DATE, "a date such as `2024-01-31`"),
            Map.entry(ScalarType.TIME, "a time such as `13:45:00` or `13:45:00.000Z`"),
            Map.entry(ScalarType.DATETIME, "a date and time with an offset such as `2024-01-31T13:45:00Z`"),
            Map.entry(ScalarType.TIMESTAMP, "a whole number of seconds since the epoch"),
            Map.entry(ScalarType.EMAIL, "an address such as `name@example.com`"),
            Map.entry(ScalarType.JSON, "JSON text such as `{\"a\":1}`"),
            Map.entry(ScalarType.PHONE, "a phone number such as `+12065550100`"),
            Map.entry(ScalarType.URL, "an absolute URL such as `https://example.com`"),
            Map.entry(ScalarType.IP_ADDRESS, "an IPv4 or IPv6 address such as `192.0.2.1`")));

    static void check(Context ctx, DataDefinition data, ModelDefinition model, FieldDefinition field, String place) {
        String qualified = q(model.name() + "." + field.name());
        field.defaultValue().ifPresent(v -> checkDefault(ctx, data, model, field, place + ".default", qualified, v));
        checkValidators(ctx, field, place, qualified);
    }

    private static void checkDefault(Context ctx, DataDefinition data, ModelDefinition model, FieldDefinition field,
            String place, String qualified, String value) {
        FieldType type = field.type();
        if (type.list()) {
            ctx.addf(place, "Field %s is a list and cannot have a default value. Remove the default.", qualified);
        } else if (ModelValidator.identifierOf(model).contains(field.name())) {
            ctx.addf(place, "Field %s is part of the identifier and cannot have a default value: every item needs "
                    + "its own key. Remove the default.", qualified);
        } else if (type.base() instanceof TypeRef.EnumType e) {
            Optional<EnumDefinition> declared = data.enumType(e.name());
            if (declared.isPresent() && !declared.get().values().contains(value)) {
                ctx.addf(place, "Default value %s of field %s is not a value of enum %s. Use one of %s.",
                        q(value), qualified, q(e.name()), qList(declared.get().values()));
            }
        } else if (type.base() instanceof TypeRef.Scalar s) {
            if (!parses(s.scalar(), value)) {
                ctx.addf(place, "Default value %s of field %s is not a valid %s. Use %s.", q(value), qualified,
                        s.scalar().graphqlName(), HINTS.get(s.scalar()));
            }
        } else {
            ctx.addf(place, "Field %s is of type %s; default values apply to scalar and enum fields only. Remove the "
                    + "default.", qualified, q(type.graphql()));
        }
    }

    /** True when {@code value} is a valid literal of the scalar, as AppSync would accept it. */
    static boolean parses(ScalarType scalar, String value) {
        try {
            switch (scalar) {
                case ID, STRING -> {
                    return true;
                }
                case INT -> Integer.parseInt(value);
                case FLOAT -> {
                    return value.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")
                            && Double.isFinite(Double.parseDouble(value));
                }
                case BOOLEAN -> {
                    return value.equals("true") || value.equals("false");
                }
                case TIMESTAMP -> Long.parseLong(value);
                case DATE -> {
                    return matchDate(DATE.matcher(value), 1, 2);
                }
                case TIME -> {
                    Matcher m = TIME_OF_DAY.matcher(value);
                    return m.matches() && parsesTime(m.group(1)) && offsetOk(m.group(2));
                }
                case DATETIME -> {
                    Matcher m = DATE_TIME.matcher(value);
                    return m.matches() && parsesDate(m.group(1)) && parsesTime(m.group(2)) && offsetOk(m.group(3));
                }
                case EMAIL -> {
                    return EMAIL.matcher(value).matches();
                }
                case JSON -> JSON.readTree(value);
                case PHONE -> {
                    return PHONE.matcher(value.replaceAll("[ ()-]", "")).matches();
                }
                case URL -> {
                    java.net.URI uri = new java.net.URI(value);
                    return uri.isAbsolute() && !uri.getSchemeSpecificPart().isEmpty();
                }
                case IP_ADDRESS -> {
                    return isIpAddress(value);
                }
            }
            return true;
        } catch (RuntimeException | java.io.IOException | java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean matchDate(Matcher m, int dateGroup, int offsetGroup) {
        return m.matches() && parsesDate(m.group(dateGroup)) && offsetOk(m.group(offsetGroup));
    }

    private static boolean parsesDate(String text) {
        LocalDate.parse(text);
        return true;
    }

    private static boolean parsesTime(String text) {
        LocalTime.parse(text);
        return true;
    }

    private static boolean offsetOk(String offset) {
        if (offset != null && !offset.equals("Z")) {
            ZoneOffset.of(offset);
        }
        return true;
    }

    /** IPv4 or IPv6, each with an optional CIDR prefix length; no name lookups. */
    static boolean isIpAddress(String value) {
        String address = value;
        int prefix = -1;
        int slash = value.indexOf('/');
        if (slash >= 0) {
            address = value.substring(0, slash);
            String digits = value.substring(slash + 1);
            if (!digits.matches("\\d{1,3}")) {
                return false;
            }
            prefix = Integer.parseInt(digits);
        }
        Matcher v4 = IPV4.matcher(address);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return prefix <= 32;
        }
        return isIpv6(address) && prefix <= 128;
    }

    private static boolean isIpv6(String address) {
        if (!address.matches("[0-9a-fA-F:]+") || address.contains(":::")) {
            return false;
        }
        String[] halves = address.split("::", -1);
        if (halves.length > 2) {
            return false;
        }
        int groups = 0;
        for (String half : halves) {
            if (half.isEmpty()) {
                continue;
            }
            for (String group : half.split(":", -1)) {
                if (group.isEmpty() || group.length() > 4) {
                    return false;
                }
                groups++;
            }
        }
        return halves.length == 2 ? groups < 8 : groups == 8;
    }

    static void checkValidators(Context ctx, FieldDefinition field, String place, String qualified) {
        FieldType type = field.type();
        Map<ValidatorKind, FieldValidator> first = new EnumMap<>(ValidatorKind.class);
        boolean allValid = true;
        for (int i = 0; i < field.validators().size(); i++) {
            FieldValidator v = field.validators().get(i);
            String vPlace = place + ".validators[" + i + "]";
            String head = "Validator " + q(v.kind().directiveName()) + " on field " + qualified;
            if (first.putIfAbsent(v.kind(), v) != null) {
                ctx.addf(vPlace, "%s is given more than once. Keep one.", head);
            }
            if (type.list()) {
                ctx.addf(vPlace, "%s cannot check a list. Remove it or check a single-valued field.", head);
                allValid = false;
            } else if (v.kind().isNumeric() && !type.scalar().filter(ScalarType::isNumeric).isPresent()) {
                ctx.addf(vPlace, "%s checks numbers, but the field is %s. Use minLength, maxLength, startsWith, "
                        + "endsWith or matches on text fields.", head, q(type.graphql()));
                allValid = false;
            } else if (!v.kind().isNumeric() && !type.scalar().filter(ScalarType::isText).isPresent()) {
                ctx.addf(vPlace, "%s checks text, but the field is %s. Use gt, lt, gte or lte on numeric fields.",
                        head, q(type.graphql()));
                allValid = false;
            }
            allValid &= checkOperand(ctx, vPlace, head, v);
        }
        if (allValid) {
            checkLengths(ctx, place, qualified, first);
            checkBounds(ctx, place, qualified, first);
        }
    }

    private static boolean checkOperand(Context ctx, String place, String head, FieldValidator v) {
        String operand = v.operand();
        switch (v.kind()) {
            case MIN_LENGTH, MAX_LENGTH -> {
                if (!operand.matches("\\d{1,9}")) {
                    ctx.addf(place, "%s needs a non-negative whole number, got %s.", head, q(operand));
                    return false;
                }
            }
            case STARTS_WITH, ENDS_WITH -> {
                if (operand.isEmpty()) {
                    ctx.addf(place, "%s needs a non-empty text operand; an empty one always passes. Remove the "
                            + "validator or give the text.", head);
                    return false;
                }
            }
            case MATCHES -> {
                try {
                    Pattern.compile(operand);
                } catch (PatternSyntaxException e) {
                    // The JDK's own description varies between releases; messages must not.
                    ctx.addf(place, "%s has an invalid regular expression %s. Fix the expression.", head, q(operand));
                    return false;
                }
            }
            case GT, LT, GTE, LTE -> {
                if (number(operand).isEmpty()) {
                    ctx.addf(place, "%s needs a number, got %s.", head, q(operand));
                    return false;
                }
            }
        }
        return true;
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void checkLengths(Context ctx, String place, String qualified, Map<ValidatorKind, FieldValidator> v) {
        FieldValidator min = v.get(ValidatorKind.MIN_LENGTH);
        FieldValidator max = v.get(ValidatorKind.MAX_LENGTH);
        if (min != null && max != null && Integer.parseInt(min.operand()) > Integer.parseInt(max.operand())) {
            ctx.addf(place + ".validators", "Validators on field %s require a length of at least %s and at most %s, "
                    + "which no value has. Lower minLength or raise maxLength.", qualified, min.operand(),
                    max.operand());
        }
    }

    private static void checkBounds(Context ctx, String place, String qualified, Map<ValidatorKind, FieldValidator> v) {
        FieldValidator lower = tighter(v.get(ValidatorKind.GT), v.get(ValidatorKind.GTE), 1);
        FieldValidator upper = tighter(v.get(ValidatorKind.LT), v.get(ValidatorKind.LTE), -1);
        if (lower == null || upper == null) {
            return;
        }
        int cmp = new BigDecimal(lower.operand()).compareTo(new BigDecimal(upper.operand()));
        boolean strict = lower.kind() == ValidatorKind.GT || upper.kind() == ValidatorKind.LT;
        if (cmp > 0 || (cmp == 0 && strict)) {
            ctx.addf(place + ".validators", "Validators on field %s admit no value: %s and %s leave an empty range. "
                    + "Fix the bounds.", qualified, q(lower.kind().directiveName() + " " + lower.operand()),
                    q(upper.kind().directiveName() + " " + upper.operand()));
        }
    }

    /** The stricter of a strict and an inclusive bound; {@code sign} 1 for lower bounds, -1 for upper. */
    private static FieldValidator tighter(FieldValidator strict, FieldValidator inclusive, int sign) {
        if (strict == null || inclusive == null) {
            return strict != null ? strict : inclusive;
        }
        int cmp = new BigDecimal(strict.operand()).compareTo(new BigDecimal(inclusive.operand())) * sign;
        return cmp >= 0 ? strict : inclusive;
    }
}
