package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;

import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.auth.AuthDefinition.CustomAttribute;
import io.amplify4j.model.auth.AuthDefinition.Multifactor;
import io.amplify4j.model.auth.AuthDefinition.StandardAttribute;
import io.amplify4j.model.auth.ExternalLogin;
import io.amplify4j.model.auth.SecretRef;
import io.amplify4j.model.auth.StandardAttributeName;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The auth category: sign-in methods, password policy, groups, MFA, attributes, triggers, access grants and
 * external providers. Places start with {@code auth.}.
 */
final class AuthValidator {
    private AuthValidator() {}

    /** Cognito's limit on custom attribute names ({@code custom:} excluded). */
    private static final Pattern CUSTOM_ATTRIBUTE = Pattern.compile("[A-Za-z0-9_]{1,20}");

    static void check(Context ctx, AuthDefinition auth) {
        NameRules.checkResourceName(ctx, "auth.name", "auth", auth.name());
        if (!auth.loginWithEmail() && !auth.loginWithPhone()) {
            ctx.add("auth.loginWith", "Auth must let users sign in with email or phone. Enable loginWithEmail or "
                    + "loginWithPhone.");
        }
        int minLength = auth.passwordPolicy().minLength();
        if (minLength < 8 || minLength > 99) {
            ctx.addf("auth.passwordPolicy.minLength", "Password minimum length must be 8 to 99 characters; got %d. "
                    + "Set a length in that range.", minLength);
        }
        int validity = auth.passwordPolicy().temporaryPasswordValidityDays();
        if (validity < 1 || validity > 365) {
            ctx.addf("auth.passwordPolicy.temporaryPasswordValidityDays", "Temporary passwords must stay valid 1 to "
                    + "365 days; got %d.", validity);
        }
        checkGroups(ctx, auth);
        checkMultifactor(ctx, auth);
        checkAttributes(ctx, auth);
        checkFunctions(ctx, auth);
        auth.externalLogin().ifPresent(external -> checkExternalLogin(ctx, external));
    }

    private static void checkGroups(Context ctx, AuthDefinition auth) {
        Set<String> seen = new HashSet<>();
        for (AuthDefinition.UserGroup group : auth.groups()) {
            String place = "auth.groups." + group.name();
            if (!NameRules.GROUP_NAME.matcher(group.name()).matches()) {
                ctx.addf(place, "Group name %s is invalid. Start with a letter and use up to 128 letters, digits, `_` "
                        + "or `-`.", q(group.name()));
            }
            if (!seen.add(group.name())) {
                ctx.addf(place, "Group %s is declared more than once. Remove the duplicate.", q(group.name()));
            }
            if (group.precedence() < 0) {
                ctx.addf(place, "Group %s has precedence %d; precedence must be 0 or more (0 wins).", q(group.name()),
                        group.precedence());
            }
        }
    }

    private static void checkMultifactor(Context ctx, AuthDefinition auth) {
        Multifactor mfa = auth.multifactor();
        boolean anyMethod = mfa.totp() || mfa.sms() || mfa.email();
        if (mfa.mode() == Multifactor.Mode.OFF && anyMethod) {
            ctx.add("auth.multifactor", "MFA is OFF but methods are enabled. Set the mode to OPTIONAL or REQUIRED, or "
                    + "disable the methods.");
        } else if (mfa.mode() != Multifactor.Mode.OFF && !anyMethod) {
            ctx.addf("auth.multifactor", "MFA mode %s needs at least one method. Enable totp, sms or email.",
                    q(mfa.mode().name()));
        }
        if (mfa.mode() != Multifactor.Mode.OFF && mfa.sms() && !auth.loginWithPhone()
                && !requiredAttribute(auth, StandardAttributeName.PHONE_NUMBER)) {
            ctx.add("auth.multifactor", "SMS MFA needs a phone number for every user. Enable loginWithPhone or make "
                    + "the `phone_number` attribute required.");
        }
    }

    private static boolean requiredAttribute(AuthDefinition auth, StandardAttributeName name) {
        return auth.standardAttributes().stream().anyMatch(a -> a.attribute() == name && a.required());
    }

    private static void checkAttributes(Context ctx, AuthDefinition auth) {
        Set<StandardAttributeName> standard = EnumSet.noneOf(StandardAttributeName.class);
        for (StandardAttribute a : auth.standardAttributes()) {
            if (!standard.add(a.attribute())) {
                ctx.addf("auth.standardAttributes." + a.attribute().claimName(), "Standard attribute %s is configured "
                        + "more than once. Keep one setting.", q(a.attribute().claimName()));
            }
        }
        Set<String> seen = new HashSet<>();
        for (CustomAttribute a : auth.customAttributes()) {
            String place = "auth.customAttributes." + a.name();
            if (!CUSTOM_ATTRIBUTE.matcher(a.name()).matches()) {
                ctx.addf(place, "Custom attribute name %s is invalid. Use 1 to 20 letters, digits or underscores, "
                        + "without the `custom:` prefix.", q(a.name()));
            }
            if (!seen.add(a.name())) {
                ctx.addf(place, "Custom attribute %s is declared more than once. Remove the duplicate.", q(a.name()));
            }
            boolean bounded = a.dataType() == CustomAttribute.DataType.STRING
                    || a.dataType() == CustomAttribute.DataType.NUMBER;
            if (!bounded && (a.min().isPresent() || a.max().isPresent())) {
                ctx.addf(place, "Custom attribute %s is a %s and cannot have min or max; only String (length) and "
                        + "Number (value) attributes can. Remove the bounds.", q(a.name()), a.dataType().name());
            }
            if (a.dataType() == CustomAttribute.DataType.STRING
                    && (a.min().filter(v -> v < 0).isPresent() || a.max().filter(v -> v < 0).isPresent())) {
                ctx.addf(place, "Custom attribute %s has a negative length bound. Use 0 or more.", q(a.name()));
            }
            if (a.min().isPresent() && a.max().isPresent() && a.min().get() > a.max().get()) {
                ctx.addf(place, "Custom attribute %s has min %d above max %d. Swap or fix the bounds.", q(a.name()),
                        a.min().get(), a.max().get());
            }
        }
    }

    private static void checkFunctions(Context ctx, AuthDefinition auth) {
        Set<Object> triggers = new HashSet<>();
        for (AuthDefinition.TriggerBinding t : auth.triggers()) {
            String place = "auth.triggers." + t.trigger().name();
            if (!triggers.add(t.trigger())) {
                ctx.addf(place, "Trigger %s is bound more than once. A user pool event runs one function; keep one.",
                        q(t.trigger().name()));
            }
            if (!ctx.hasFunction(t.function())) {
                ctx.addf(place, "Trigger function %s is not defined. Define the function or fix the name.",
                        q(t.function()));
            }
        }
        Set<String> granted = new HashSet<>();
        for (AuthDefinition.AccessGrant grant : auth.access()) {
            String place = "auth.access." + grant.function();
            if (!ctx.hasFunction(grant.function())) {
                ctx.addf(place, "Function %s granted auth access is not defined. Define the function or fix the name.",
                        q(grant.function()));
            }
            if (grant.actions().isEmpty()) {
                ctx.addf(place, "Auth access for function %s grants no actions. Name at least one action.",
                        q(grant.function()));
            }
            if (!granted.add(grant.function())) {
                ctx.addf(place, "Function %s is granted auth access more than once. Merge the grants.",
                        q(grant.function()));
            }
        }
    }

    private static void checkExternalLogin(Context ctx, ExternalLogin external) {
        String place = "auth.externalLogin";
        if (external.providers().isEmpty()) {
            ctx.add(place, "External login has no identity providers. Add a provider or remove external login.");
        }
        if (external.callbackUrls().isEmpty()) {
            ctx.add(place + ".callbackUrls", "External login needs at least one callback URL. Add the URL the hosted "
                    + "UI returns to after sign-in.");
        }
        if (external.logoutUrls().isEmpty()) {
            ctx.add(place + ".logoutUrls", "External login needs at least one logout URL. Add the URL the hosted UI "
                    + "returns to after sign-out.");
        }
        checkRedirects(ctx, place + ".callbackUrls", external.callbackUrls());
        checkRedirects(ctx, place + ".logoutUrls", external.logoutUrls());
        Set<String> names = new HashSet<>();
        for (ExternalLogin.Provider provider : external.providers()) {
            String providerPlace = place + ".providers." + provider.providerName();
            if (!names.add(provider.providerName())) {
                ctx.addf(providerPlace, "Identity provider %s is configured more than once. Keep one.",
                        q(provider.providerName()));
            }
            checkProvider(ctx, providerPlace, provider);
        }
    }

    /** Cognito accepts https, custom app schemes, and plain http only for localhost. */
    private static void checkRedirects(Context ctx, String place, List<String> urls) {
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            if (!isRedirect(url)) {
                ctx.addf(place + "[" + i + "]", "Redirect URL %s is not allowed. Use an absolute https URL, an app "
                        + "scheme such as `myapp://callback`, or http only for localhost.", q(url));
            }
        }
    }

    private static boolean isRedirect(String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getFragment() != null) {
                return false;
            }
            if ("http".equals(uri.getScheme())) {
                return "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            }
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkProvider(Context ctx, String place, ExternalLogin.Provider provider) {
        if (provider instanceof ExternalLogin.Social s) {
            checkSecrets(ctx, place, s.clientId(), s.clientSecret());
        } else if (provider instanceof ExternalLogin.Apple a) {
            checkSecrets(ctx, place, a.clientId(), a.teamId(), a.keyId(), a.privateKey());
        } else if (provider instanceof ExternalLogin.Oidc o) {
            checkProviderName(ctx, place, o.providerName());
            if (!AuthorizationModesValidator.isHttpsUrl(o.issuerUrl())) {
                ctx.addf(place, "OIDC provider issuer %s is not an https URL. Use the issuer's https URL.",
                        q(o.issuerUrl()));
            }
            checkSecrets(ctx, place, o.clientId(), o.clientSecret());
        } else if (provider instanceof ExternalLogin.Saml s) {
            checkProviderName(ctx, place, s.providerName());
            if (s.metadataContent().isBlank()) {
                ctx.add(place, "SAML provider metadata is empty. Give the metadata URL or document.");
            } else if (s.metadataType() == ExternalLogin.SamlMetadataType.URL
                    && !AuthorizationModesValidator.isHttpsUrl(s.metadataContent())) {
                ctx.addf(place, "SAML metadata URL %s is not an https URL. Use the provider's https metadata URL.",
                        q(s.metadataContent()));
            }
        }
    }

    /** Cognito's identity provider names: 1 to 32 characters, no leading or trailing whitespace. */
    private static void checkProviderName(Context ctx, String place, String name) {
        if (name.isEmpty() || name.length() > 32 || !name.strip().equals(name)) {
            ctx.addf(place, "Identity provider name %s is invalid. Use 1 to 32 characters without surrounding "
                    + "spaces.", q(name));
        }
    }

    private static void checkSecrets(Context ctx, String place, SecretRef... secrets) {
        for (SecretRef secret : secrets) {
            NameRules.checkSecretName(ctx, place, secret.name());
        }
    }
}
