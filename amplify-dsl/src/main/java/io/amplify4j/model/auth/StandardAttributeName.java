package io.amplify4j.model.auth;

/** Cognito's standard user attributes, with the names tokens and {@code amplify_outputs.json} use. */
public enum StandardAttributeName {
    ADDRESS("address"),
    BIRTHDATE("birthdate"),
    EMAIL("email"),
    FAMILY_NAME("family_name"),
    GENDER("gender"),
    GIVEN_NAME("given_name"),
    LOCALE("locale"),
    MIDDLE_NAME("middle_name"),
    NAME("name"),
    NICKNAME("nickname"),
    PHONE_NUMBER("phone_number"),
    PICTURE("picture"),
    PREFERRED_USERNAME("preferred_username"),
    PROFILE("profile"),
    UPDATED_AT("updated_at"),
    WEBSITE("website"),
    ZONEINFO("zoneinfo");

    private final String claimName;

    StandardAttributeName(String claimName) {
        this.claimName = claimName;
    }

    public String claimName() {
        return claimName;
    }
}
