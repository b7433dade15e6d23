package io.amplify4j.dsl;

import io.amplify4j.model.data.ValidatorKind;

/** A text-valued field: ID, String, AWSEmail, AWSPhone, AWSURL, AWSIPAddress or AWSJSON. */
public final class StringField extends FieldBuilder<String, StringField> {
    StringField(FieldState state) {
        super(state);
    }

    /** The value a create fills in when the caller leaves the field out. */
    public StringField defaultValue(String value) {
        return defaultText(value);
    }

    public StringField minLength(int length) {
        return minLength(length, null);
    }

    public StringField minLength(int length, String message) {
        return check(ValidatorKind.MIN_LENGTH, length, message);
    }

    public StringField maxLength(int length) {
        return maxLength(length, null);
    }

    public StringField maxLength(int length, String message) {
        return check(ValidatorKind.MAX_LENGTH, length, message);
    }

    public StringField startsWith(String prefix) {
        return startsWith(prefix, null);
    }

    public StringField startsWith(String prefix, String message) {
        return check(ValidatorKind.STARTS_WITH, prefix, message);
    }

    public StringField endsWith(String suffix) {
        return endsWith(suffix, null);
    }

    public StringField endsWith(String suffix, String message) {
        return check(ValidatorKind.ENDS_WITH, suffix, message);
    }

    /** The value must match this regular expression (JavaScript syntax, as the resolver checks it). */
    public StringField matches(String regex) {
        return matches(regex, null);
    }

    public StringField matches(String regex, String message) {
        return check(ValidatorKind.MATCHES, regex, message);
    }
}
