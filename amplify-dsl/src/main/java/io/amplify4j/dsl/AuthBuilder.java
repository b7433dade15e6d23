package io.amplify4j.dsl;

import io.amplify4j.model.auth.AuthAction;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.auth.AuthDefinition.AccessGrant;
import io.amplify4j.model.auth.AuthDefinition.AccountRecovery;
import io.amplify4j.model.auth.AuthDefinition.CustomAttribute;
import io.amplify4j.model.auth.AuthDefinition.Multifactor;
import io.amplify4j.model.auth.AuthDefinition.PasswordPolicy;
import io.amplify4j.model.auth.AuthDefinition.StandardAttribute;
import io.amplify4j.model.auth.AuthDefinition.TriggerBinding;
import io.amplify4j.model.auth.AuthDefinition.UserGroup;
import io.amplify4j.model.auth.AuthTrigger;
import io.amplify4j.model.auth.StandardAttributeName;
import io.amplify4j.validate.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sign-in: a Cognito user pool and identity pool. Groups return handles that data and storage rules take.
 * With nothing configured, users sign in with their email address.
 */
public final class AuthBuilder {
    private final BackendBuilder backend;
    private String name = AuthDefinition.DEFAULT_NAME;
    private boolean email;
    private boolean phone;
    private ExternalLoginBuilder external;
    private Multifactor multifactor = Multifactor.off();
    private final List<StandardAttribute> standardAttributes = new ArrayList<>();
    private final List<CustomAttribute> customAttributes = new ArrayList<>();
    private final List<AuthGroup> groups = new ArrayList<>();
    private final Map<AuthGroup, Integer> precedence = new LinkedHashMap<>();
    private final List<TriggerBinding> triggers = new ArrayList<>();
    private final List<AccessGrant> access = new ArrayList<>();
    private final List<FunctionRef> functionHandles = new ArrayList<>();
    private AccountRecovery accountRecovery;
    private int passwordMinLength = PasswordPolicy.MINIMUM_LENGTH;
    private int temporaryPasswordValidityDays = PasswordPolicy.defaults().temporaryPasswordValidityDays();
    private boolean selfSignUp = true;

    AuthBuilder(BackendBuilder backend) {
        this.backend = backend;
    }

    /** The auth resource's name; {@code amplifyAuth} by default. */
    public AuthBuilder name(String authName) {
        this.name = Objects.requireNonNull(authName, "authName");
        return this;
    }

    /** Users sign in with their email address, which becomes a required attribute. */
    public AuthBuilder loginWithEmail() {
        this.email = true;
        return this;
    }

    /** Users sign in with their phone number, which becomes a required attribute. */
    public AuthBuilder loginWithPhone() {
        this.phone = true;
        return this;
    }

    /** Federated sign-in through external identity providers and the hosted OAuth domain. */
    public AuthBuilder externalProviders(Consumer<ExternalLoginBuilder> configure) {
        if (external == null) {
            external = new ExternalLoginBuilder();
        }
        configure.accept(external);
        return this;
    }

    /** Multi-factor authentication: {@code OPTIONAL} or {@code REQUIRED} with at least one method. */
    public AuthBuilder multifactor(Multifactor.Mode mode, MfaMethod... methods) {
        List<MfaMethod> list = Arrays.asList(methods);
        this.multifactor = new Multifactor(Objects.requireNonNull(mode, "mode"),
                list.contains(MfaMethod.TOTP), list.contains(MfaMethod.SMS), list.contains(MfaMethod.EMAIL));
        return this;
    }

    /** Settings of a standard attribute, for example a required, immutable {@code birthdate}. */
    public AuthBuilder standardAttribute(StandardAttributeName attribute, boolean required, boolean mutable) {
        standardAttributes.add(new StandardAttribute(attribute, required, mutable));
        return this;
    }

    /** A custom attribute {@code custom:<name>}, mutable. */
    public AuthBuilder customAttribute(String attributeName, CustomAttribute.DataType dataType) {
        return customAttribute(attributeName, dataType, true, null, null);
    }

    /**
     * A custom attribute {@code custom:<name>} with bounds: string length for strings, value for numbers.
     *
     * @param min the lower bound, or null for none
     * @param max the upper bound, or null for none
     */
    public AuthBuilder customAttribute(String attributeName, CustomAttribute.DataType dataType, boolean mutable,
            Integer min, Integer max) {
        customAttributes.add(new CustomAttribute(attributeName, dataType, mutable,
                Optional.ofNullable(min), Optional.ofNullable(max)));
        return this;
    }

    /** Declares a user group; precedence follows declaration order (first = 0 = highest). */
    public AuthGroup group(String groupName) {
        AuthGroup group = new AuthGroup(Objects.requireNonNull(groupName, "groupName"));
        groups.add(group);
        return group;
    }

    /** Declares a user group with an explicit precedence (lower wins when a user is in several groups). */
    public AuthGroup group(String groupName, int groupPrecedence) {
        AuthGroup group = group(groupName);
        precedence.put(group, groupPrecedence);
        return group;
    }

    /** Runs {@code function} on a user pool event. */
    public AuthBuilder trigger(AuthTrigger trigger, FunctionRef function) {
        triggers.add(new TriggerBinding(trigger, Objects.requireNonNull(function, "function").name()));
        functionHandles.add(function);
        return this;
    }

    /** Grants {@code function} Cognito administration actions on the user pool. */
    public AuthBuilder access(FunctionRef function, AuthAction... actions) {
        access.add(new AccessGrant(Objects.requireNonNull(function, "function").name(), List.of(actions)));
        functionHandles.add(function);
        return this;
    }

    /** How users recover their account; by default email when users sign in with email, otherwise phone. */
    public AuthBuilder accountRecovery(AccountRecovery recovery) {
        this.accountRecovery = Objects.requireNonNull(recovery, "recovery");
        return this;
    }

    /**
     * Raises the password's minimum length above 8. Lower, upper, digit and symbol characters are always required;
     * there is no way to weaken them.
     */
    public AuthBuilder passwordMinLength(int length) {
        this.passwordMinLength = length;
        return this;
    }

    /** How many days a password set by an administrator stays valid. */
    public AuthBuilder temporaryPasswordValidityDays(int days) {
        this.temporaryPasswordValidityDays = days;
        return this;
    }

    /** Only administrators create accounts; nobody can sign up on their own. */
    public AuthBuilder disableSelfSignUp() {
        this.selfSignUp = false;
        return this;
    }

    AuthDefinition toDefinition(Problems problems) {
        functionHandles.forEach(f -> f.checkSameBackend(backend, "auth", problems));
        boolean loginWithEmail = email || (!phone && external == null);
        List<UserGroup> userGroups = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            AuthGroup group = groups.get(i);
            userGroups.add(new UserGroup(group.name(), precedence.getOrDefault(group, i)));
        }
        AccountRecovery recovery = accountRecovery != null ? accountRecovery
                : loginWithEmail ? AccountRecovery.EMAIL_ONLY : AccountRecovery.PHONE_ONLY_WITHOUT_MFA;
        return new AuthDefinition(
                name,
                loginWithEmail,
                phone,
                Optional.ofNullable(external).map(ExternalLoginBuilder::toModel),
                multifactor,
                standardAttributes,
                customAttributes,
                userGroups,
                triggers,
                access,
                recovery,
                new PasswordPolicy(passwordMinLength, temporaryPasswordValidityDays),
                selfSignUp);
    }

    /** Second factors Cognito can ask for. */
    public enum MfaMethod {
        TOTP,
        SMS,
        EMAIL
    }
}
