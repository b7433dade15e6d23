package io.amplify4j.validate;

import static io.amplify4j.validate.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.ValidatorKind;
import org.junit.jupiter.api.Test;

/** Default values and validators on model fields. */
class FieldValueValidationTest {

    private static Backend todo(io.amplify4j.model.data.FieldDefinition... fields) {
        return backend().model(openModel("Todo").fields(fields).build());
    }

    @Test
    void defaultMustParseAsInt() {
        assertProblems(todo(withDefault("priority", t(ScalarType.INT), "high")),
                "data.Todo.fields.priority.default: Default value `high` of field `Todo.priority` is not a valid Int. "
                        + "Use a whole number from -2147483648 to 2147483647.");
    }

    @Test
    void defaultMustParseAsFloatAndBoolean() {
        assertProblems(todo(withDefault("ratio", t(ScalarType.FLOAT), "NaN"),
                        withDefault("done", t(ScalarType.BOOLEAN), "yes")),
                "data.Todo.fields.ratio.default: Default value `NaN` of field `Todo.ratio` is not a valid Float. Use a "
                        + "finite number such as `1.5`.",
                "data.Todo.fields.done.default: Default value `yes` of field `Todo.done` is not a valid Boolean. Use "
                        + "`true` or `false`.");
    }

    @Test
    void defaultMustParseAsDateTimeScalars() {
        assertProblems(todo(withDefault("day", t(ScalarType.DATE), "2024-02-30"),
                        withDefault("at", t(ScalarType.TIME), "25:00"),
                        withDefault("when", t(ScalarType.DATETIME), "2024-01-31T13:45:00"),
                        withDefault("stamp", t(ScalarType.TIMESTAMP), "1.5")),
                "data.Todo.fields.day.default: Default value `2024-02-30` of field `Todo.day` is not a valid AWSDate. "
                        + "Use a date such as `2024-01-31`.",
                "data.Todo.fields.at.default: Default value `25:00` of field `Todo.at` is not a valid AWSTime. Use a "
                        + "time such as `13:45:00` or `13:45:00.000Z`.",
                "data.Todo.fields.when.default: Default value `2024-01-31T13:45:00` of field `Todo.when` is not a "
                        + "valid AWSDateTime. Use a date and time with an offset such as `2024-01-31T13:45:00Z`.",
                "data.Todo.fields.stamp.default: Default value `1.5` of field `Todo.stamp` is not a valid "
                        + "AWSTimestamp. Use a whole number of seconds since the epoch.");
    }

    @Test
    void defaultMustParseAsTextScalars() {
        assertProblems(todo(withDefault("mail", t(ScalarType.EMAIL), "nobody"),
                        withDefault("meta", t(ScalarType.JSON), "{\"a\":"),
                        withDefault("tel", t(ScalarType.PHONE), "call me"),
                        withDefault("site", t(ScalarType.URL), "example.com"),
                        withDefault("ip", t(ScalarType.IP_ADDRESS), "300.1.1.1")),
                "data.Todo.fields.mail.default: Default value `nobody` of field `Todo.mail` is not a valid AWSEmail. "
                        + "Use an address such as `name@example.com`.",
                "data.Todo.fields.meta.default: Default value `{\"a\":` of field `Todo.meta` is not a valid AWSJSON. "
                        + "Use JSON text such as `{\"a\":1}`.",
                "data.Todo.fields.tel.default: Default value `call me` of field `Todo.tel` is not a valid AWSPhone. "
                        + "Use a phone number such as `+12065550100`.",
                "data.Todo.fields.site.default: Default value `example.com` of field `Todo.site` is not a valid "
                        + "AWSURL. Use an absolute URL such as `https://example.com`.",
                "data.Todo.fields.ip.default: Default value `300.1.1.1` of field `Todo.ip` is not a valid "
                        + "AWSIPAddress. Use an IPv4 or IPv6 address such as `192.0.2.1`.");
    }

    @Test
    void validDefaultsOfEveryScalar() {
        assertProblems(todo(withDefault("s", t(ScalarType.STRING), "any text"),
                withDefault("i", t(ScalarType.INT), "-5"),
                withDefault("f", t(ScalarType.FLOAT), "2.5e3"),
                withDefault("b", t(ScalarType.BOOLEAN), "false"),
                withDefault("d", t(ScalarType.DATE), "2024-02-29"),
                withDefault("tm", t(ScalarType.TIME), "13:45:00.123+02:00"),
                withDefault("dt", t(ScalarType.DATETIME), "2024-01-31T13:45:00.000-05:00"),
                withDefault("ts", t(ScalarType.TIMESTAMP), "1700000000"),
                withDefault("e", t(ScalarType.EMAIL), "a@example.com"),
                withDefault("j", t(ScalarType.JSON), "{\"a\":[1,2]}"),
                withDefault("p", t(ScalarType.PHONE), "+1 206-555-0100"),
                withDefault("u", t(ScalarType.URL), "mailto:a@example.com"),
                withDefault("ip4", t(ScalarType.IP_ADDRESS), "10.0.0.0/8"),
                withDefault("ip6", t(ScalarType.IP_ADDRESS), "2001:db8::1")));
    }

    @Test
    void ipAddressParsing() {
        assertThat(FieldValueRules.isIpAddress("::1")).isTrue();
        assertThat(FieldValueRules.isIpAddress("1:2:3:4:5:6:7:8")).isTrue();
        assertThat(FieldValueRules.isIpAddress("1:2:3:4:5:6:7")).isFalse();
        assertThat(FieldValueRules.isIpAddress("1::2::3")).isFalse();
        assertThat(FieldValueRules.isIpAddress("10.0.0.1/33")).isFalse();
        assertThat(FieldValueRules.isIpAddress("localhost")).isFalse();
    }

    @Test
    void enumDefaultMustBeAValue() {
        Backend b = backend().enumType("Status", "OPEN", "CLOSED")
                .model(openModel("Todo").fields(withDefault("status", enumRef("Status"), "DONE")).build());
        assertProblems(b, "data.Todo.fields.status.default: Default value `DONE` of field `Todo.status` is not a value "
                + "of enum `Status`. Use one of [`OPEN`, `CLOSED`].");
    }

    @Test
    void noDefaultOnListsIdentifiersOrCustomTypes() {
        Backend b = backend().type("Address", field("city", ScalarType.STRING)).model(openModel("Todo").fields(
                withDefault("tags", listOf(ScalarType.STRING), "a"),
                withDefault("key", req(ScalarType.STRING), "k"),
                withDefault("address", typeRef("Address"), "{}")).identifier("key").build());
        assertProblems(b,
                "data.Todo.fields.tags.default: Field `Todo.tags` is a list and cannot have a default value. Remove "
                        + "the default.",
                "data.Todo.fields.key.default: Field `Todo.key` is part of the identifier and cannot have a default "
                        + "value: every item needs its own key. Remove the default.",
                "data.Todo.fields.address.default: Field `Todo.address` is of type `Address`; default values apply to "
                        + "scalar and enum fields only. Remove the default.");
    }

    @Test
    void textValidatorOnNumberField() {
        assertProblems(todo(validated("count", t(ScalarType.INT), v(ValidatorKind.MIN_LENGTH, "1"))),
                "data.Todo.fields.count.validators[0]: Validator `minLength` on field `Todo.count` checks text, but "
                        + "the field is `Int`. Use gt, lt, gte or lte on numeric fields.");
    }

    @Test
    void numberValidatorOnTextField() {
        assertProblems(todo(validated("title", t(ScalarType.STRING), v(ValidatorKind.GT, "0"))),
                "data.Todo.fields.title.validators[0]: Validator `gt` on field `Todo.title` checks numbers, but the "
                        + "field is `String`. Use minLength, maxLength, startsWith, endsWith or matches on text fields.");
    }

    @Test
    void validatorOnListField() {
        assertProblems(todo(validated("tags", listOf(ScalarType.STRING), v(ValidatorKind.MAX_LENGTH, "5"))),
                "data.Todo.fields.tags.validators[0]: Validator `maxLength` on field `Todo.tags` cannot check a list. "
                        + "Remove it or check a single-valued field.");
    }

    @Test
    void validatorOperandsMustBeValid() {
        assertProblems(todo(
                        validated("title", t(ScalarType.STRING), v(ValidatorKind.MIN_LENGTH, "-1"),
                                v(ValidatorKind.MATCHES, "[a-"), v(ValidatorKind.STARTS_WITH, "")),
                        validated("score", t(ScalarType.FLOAT), v(ValidatorKind.LTE, "ten"))),
                "data.Todo.fields.title.validators[0]: Validator `minLength` on field `Todo.title` needs a non-negative "
                        + "whole number, got `-1`.",
                "data.Todo.fields.title.validators[1]: Validator `matches` on field `Todo.title` has an invalid regular "
                        + "expression `[a-`. Fix the expression.",
                "data.Todo.fields.title.validators[2]: Validator `startsWith` on field `Todo.title` needs a non-empty "
                        + "text operand; an empty one always passes. Remove the validator or give the text.",
                "data.Todo.fields.score.validators[0]: Validator `lte` on field `Todo.score` needs a number, got "
                        + "`ten`.");
    }

    @Test
    void validatorGivenTwice() {
        assertProblems(todo(validated("title", t(ScalarType.STRING), v(ValidatorKind.MAX_LENGTH, "5"),
                        v(ValidatorKind.MAX_LENGTH, "6"))),
                "data.Todo.fields.title.validators[1]: Validator `maxLength` on field `Todo.title` is given more than "
                        + "once. Keep one.");
    }

    @Test
    void minLengthAboveMaxLength() {
        assertProblems(todo(validated("title", t(ScalarType.STRING), v(ValidatorKind.MIN_LENGTH, "10"),
                        v(ValidatorKind.MAX_LENGTH, "5"))),
                "data.Todo.fields.title.validators: Validators on field `Todo.title` require a length of at least 10 "
                        + "and at most 5, which no value has. Lower minLength or raise maxLength.");
    }

    @Test
    void numericBoundsLeavingNoValue() {
        assertProblems(todo(validated("score", t(ScalarType.INT), v(ValidatorKind.GT, "5"), v(ValidatorKind.LT, "5")),
                        validated("ok", t(ScalarType.INT), v(ValidatorKind.GTE, "5"), v(ValidatorKind.LTE, "5"),
                                v(ValidatorKind.GT, "1"))),
                "data.Todo.fields.score.validators: Validators on field `Todo.score` admit no value: `gt 5` and `lt 5` "
                        + "leave an empty range. Fix the bounds.");
    }

    @Test
    void validatorsOnMatchingKindsAreFine() {
        FieldType email = t(ScalarType.EMAIL);
        assertProblems(todo(validated("title", t(ScalarType.STRING), v(ValidatorKind.MIN_LENGTH, "1"),
                        v(ValidatorKind.MAX_LENGTH, "100"), v(ValidatorKind.MATCHES, "^[A-Z].*")),
                validated("mail", email, v(ValidatorKind.ENDS_WITH, "@example.com")),
                validated("score", t(ScalarType.FLOAT), v(ValidatorKind.GTE, "0"), v(ValidatorKind.LT, "10.5"))));
    }
}
