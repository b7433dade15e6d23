package io.amplify4j.model.auth;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in: a Cognito user pool with its app client, groups and triggers, and an identity pool.
 *
 * @param name the auth resource's name ({@code amplifyAuth} by default)
 * @param loginWithEmail users sign in with their email address
 * @param loginWithPhone users sign in with their phone number
 * @param externalLogin federated sign-in through OAuth providers, when configured
 * @param multifactor multi-factor authentication
 * @param standardAttributes standard attributes with non-default settings
 * @param customAttributes custom attributes ({@code custom:<name>})
 * @param groups user groups, highest precedence (lowest number) first
 * @param triggers Lambda triggers on user pool events
 * @param access functions granted Cognito administration actions
 * @param accountRecovery how users recover their account
 * @param passwordPolicy the password policy (never weaker than 8 characters with all four classes)
 * @param selfSignUp whether anyone may create an account
 */
public record AuthDefinition(
        String name,
        boolean loginWithEmail,
        boolean loginWithPhone,
        Optional<ExternalLogin> externalLogin,
        Multifactor multifactor,
        List<StandardAttribute> standardAttributes,
        List<CustomAttribute> customAttributes,
        List<UserGroup> groups,
        List<TriggerBinding> triggers,
        List<AccessGrant> access,
        AccountRecovery accountRecovery,
        PasswordPolicy passwordPolicy,
        boolean selfSignUp) {

    public static final String DEFAULT_NAME = "amplifyAuth";

    public AuthDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(externalLogin, "externalLogin");
        Objects.requireNonNull(multifactor, "multifactor");
        standardAttributes = Canonical.list(standardAttributes);
        customAttributes = Canonical.list(customAttributes);
        groups = Canonical.list(groups);
        triggers = Canonical.list(triggers);
        access = Canonical.list(access);
        Objects.requireNonNull(accountRecovery, "accountRecovery");
        Objects.requireNonNull(passwordPolicy, "passwordPolicy");
    }

    public Optional<UserGroup> group(String groupName) {
        return groups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    }

    /** A user group; its IAM role is used by storage and data group rules. */
    public record UserGroup(String name, int precedence) {
        public UserGroup {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Multi-factor authentication: the mode and the enabled methods. */
    public record Multifactor(Mode mode, boolean totp, boolean sms, boolean email) {
        public Multifactor {
            Objects.requireNonNull(mode, "mode");
        }

        public static Multifactor off() {
            return new Multifactor(Mode.OFF, false, false, false);
        }

        /** Whether users must, may or may not use a second factor. */
        public enum Mode {
            OFF,
            OPTIONAL,
            REQUIRED
        }
    }

    /** A standard Cognito attribute with its settings. */
    public record StandardAttribute(StandardAttributeName attribute, boolean required, boolean mutable) {
        public StandardAttribute {
            Objects.requireNonNull(attribute, "attribute");
        }
    }

    /** A custom attribute, {@code custom:<name>} in tokens. */
    public record CustomAttribute(
            String name, DataType dataType, boolean mutable, Optional<Integer> min, Optional<Integer> max) {
        public CustomAttribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dataType, "dataType");
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
        }

        /** The type of a custom user attribute, as Cognito stores it. */
        public enum DataType {
            STRING,
            NUMBER,
            BOOLEAN,
            DATE_TIME
        }
    }

    /** A function that runs on a user pool event. */
    public record TriggerBinding(AuthTrigger trigger, String function) {
        public TriggerBinding {
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(function, "function");
        }
    }

    /** Cognito administration actions granted to a function. */
    public record AccessGrant(String function, List<AuthAction> actions) {
        public AccessGrant {
            Objects.requireNonNull(function, "function");
            actions = Canonical.enumSet(actions);
        }
    }

    /**
     * The password policy. Character classes (lower, upper, digit, symbol) are always required.
     *
     * @param minLength at least 8
     * @param temporaryPasswordValidityDays how long an administrator-set password stays valid
     */
    public record PasswordPolicy(int minLength, int temporaryPasswordValidityDays) {
        public static final int MINIMUM_LENGTH = 8;

        public static PasswordPolicy defaults() {
            return new PasswordPolicy(MINIMUM_LENGTH, 7);
        }
    }

    /** How users recover their account, as Cognito names the options. */
    public enum AccountRecovery {
        EMAIL_ONLY,
        PHONE_ONLY_WITHOUT_MFA,
        PHONE_AND_EMAIL,
        EMAIL_AND_PHONE_WITHOUT_MFA,
        PHONE_WITHOUT_MFA_AND_EMAIL,
        NONE
    }
}
