package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;

import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.model.data.DataDefinition;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The API's authorization modes: their settings, and whether the default mode can work (#28). */
final class AuthorizationModesValidator {
    private AuthorizationModesValidator() {}

    private static final String PLACE = "data.authorizationModes";

    static void check(Context ctx, DataDefinition data) {
        AuthorizationModes modes = data.authorizationModes();
        modes.apiKey().ifPresent(key -> {
            // AppSync refuses keys outside 1..365 days, and an expired key fails the next deployment.
            if (key.expiresInDays() < 1 || key.expiresInDays() > 365) {
                ctx.addf(PLACE + ".apiKey.expiresInDays", "API key expiry must be 1 to 365 days (AppSync's limit); "
                        + "got %d. Set expiresInDays between 1 and 365.", key.expiresInDays());
            }
        });
        modes.lambdaAuthorizer().ifPresent(lambda -> {
            if (!ctx.hasFunction(lambda.function())) {
                ctx.addf(PLACE + ".lambdaAuthorizer.function", "Lambda authorizer function %s is not defined. "
                        + "Define the function or fix the name.", q(lambda.function()));
            }
            if (lambda.timeToLiveSeconds() < 0 || lambda.timeToLiveSeconds() > 3600) {
                ctx.addf(PLACE + ".lambdaAuthorizer.timeToLiveSeconds", "Lambda authorizer cache time to live must "
                        + "be 0 to 3600 seconds; got %d.", lambda.timeToLiveSeconds());
            }
        });
        modes.oidc().ifPresent(oidc -> {
            if (oidc.providerName().isBlank()) {
                ctx.add(PLACE + ".oidc.providerName", "OIDC provider name is empty. Name the provider.");
            }
            if (!isHttpsUrl(oidc.issuerUrl())) {
                ctx.addf(PLACE + ".oidc.issuerUrl", "OIDC issuer %s is not an https URL. Use the issuer's https "
                        + "URL, for example `https://example.auth0.com`.", q(oidc.issuerUrl()));
            }
            if (oidc.tokenExpiryFromAuthSeconds() < 0 || oidc.tokenExpiryFromIssueSeconds() < 0) {
                ctx.add(PLACE + ".oidc", "OIDC token expiry times must not be negative. Use 0 for no limit.");
            }
        });
        checkDefaultMode(ctx, data, modes);
    }

    private static void checkDefaultMode(Context ctx, DataDefinition data, AuthorizationModes modes) {
        String place = PLACE + ".defaultMode";
        if (modes.defaultMode().isPresent()) {
            AuthorizationModes.Mode mode = modes.defaultMode().get();
            String missing = switch (mode) {
                case USER_POOL -> ctx.hasAuth() ? null : "auth";
                case OIDC -> modes.oidc().isPresent() ? null : "an oidc authorization mode";
                case LAMBDA -> modes.lambdaAuthorizer().isPresent() ? null : "a lambdaAuthorizer authorization mode";
                default -> null;
            };
            if (missing != null) {
                ctx.addf(place, "Default authorization mode %s needs %s, which is not configured. Configure it or "
                        + "choose another default mode.", q(mode.name()), missing);
            }
            return;
        }
        // Amplify's rule: with auth the user pool is the default; without it exactly one mode must be configured.
        if (ctx.hasAuth()) {
            return;
        }
        List<String> configured = new ArrayList<>();
        modes.apiKey().ifPresent(k -> configured.add("apiKey"));
        modes.lambdaAuthorizer().ifPresent(l -> configured.add("lambda"));
        modes.oidc().ifPresent(o -> configured.add("oidc"));
        if (configured.size() > 1) {
            ctx.addf(place, "A default authorization mode is required if multiple authorization modes are "
                    + "configured (%s). Set defaultMode.", String.join(", ", configured));
        }
    }

    static boolean isHttpsUrl(String text) {
        try {
            URI uri = new URI(text);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
