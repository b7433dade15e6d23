package io.amplify4j.dsl;

import io.amplify4j.model.auth.ExternalLogin;
import io.amplify4j.model.auth.ExternalLogin.OAuthScope;
import io.amplify4j.model.auth.ExternalLogin.SocialKind;
import io.amplify4j.model.auth.SecretRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * External identity providers. Credentials are secrets referenced by name ({@link Secrets#secret}); their values
 * never appear in the definition or the synthesized template.
 */
public final class ExternalLoginBuilder {
    private final List<ExternalLogin.Provider> providers = new ArrayList<>();
    private final List<OAuthScope> scopes = new ArrayList<>();
    private final List<String> callbackUrls = new ArrayList<>();
    private final List<String> logoutUrls = new ArrayList<>();

    ExternalLoginBuilder() {}

    /** Sign in with Google, with the provider's default scopes and attribute mapping. */
    public ExternalLoginBuilder google(SecretRef clientId, SecretRef clientSecret) {
        return google(clientId, clientSecret, List.of(), Map.of());
    }

    /** Sign in with Facebook, with the provider's default scopes and attribute mapping. */
    public ExternalLoginBuilder facebook(SecretRef clientId, SecretRef clientSecret) {
        return facebook(clientId, clientSecret, List.of(), Map.of());
    }

    /** Login with Amazon, with the provider's default scopes and attribute mapping. */
    public ExternalLoginBuilder loginWithAmazon(SecretRef clientId, SecretRef clientSecret) {
        return loginWithAmazon(clientId, clientSecret, List.of(), Map.of());
    }

    /**
     * Sign in with Google.
     *
     * @param providerScopes scopes requested from Google, for example {@code profile}
     * @param attributeMapping user pool attribute to Google attribute, for example {@code email -> email}
     */
    public ExternalLoginBuilder google(SecretRef clientId, SecretRef clientSecret, List<String> providerScopes,
            Map<String, String> attributeMapping) {
        return social(SocialKind.GOOGLE, clientId, clientSecret, providerScopes, attributeMapping);
    }

    public ExternalLoginBuilder facebook(SecretRef clientId, SecretRef clientSecret, List<String> providerScopes,
            Map<String, String> attributeMapping) {
        return social(SocialKind.FACEBOOK, clientId, clientSecret, providerScopes, attributeMapping);
    }

    public ExternalLoginBuilder loginWithAmazon(SecretRef clientId, SecretRef clientSecret,
            List<String> providerScopes, Map<String, String> attributeMapping) {
        return social(SocialKind.AMAZON, clientId, clientSecret, providerScopes, attributeMapping);
    }

    private ExternalLoginBuilder social(SocialKind kind, SecretRef clientId, SecretRef clientSecret,
            List<String> providerScopes, Map<String, String> attributeMapping) {
        providers.add(new ExternalLogin.Social(kind, clientId, clientSecret, providerScopes, attributeMapping));
        return this;
    }

    public ExternalLoginBuilder signInWithApple(SecretRef clientId, SecretRef teamId, SecretRef keyId,
            SecretRef privateKey, List<String> providerScopes, Map<String, String> attributeMapping) {
        providers.add(new ExternalLogin.Apple(clientId, teamId, keyId, privateKey, providerScopes, attributeMapping));
        return this;
    }

    public ExternalLoginBuilder oidc(String providerName, String issuerUrl, SecretRef clientId,
            SecretRef clientSecret, List<String> providerScopes, Map<String, String> attributeMapping) {
        providers.add(new ExternalLogin.Oidc(providerName, issuerUrl, clientId, clientSecret,
                ExternalLogin.AttributeRequestMethod.GET, providerScopes, attributeMapping));
        return this;
    }

    public ExternalLoginBuilder saml(String providerName, ExternalLogin.SamlMetadataType metadataType,
            String metadataContent, Map<String, String> attributeMapping) {
        providers.add(new ExternalLogin.Saml(providerName, metadataType, metadataContent, attributeMapping));
        return this;
    }

    /** OAuth scopes the app client requests. */
    public ExternalLoginBuilder scopes(OAuthScope... oauthScopes) {
        scopes.addAll(Arrays.asList(oauthScopes));
        return this;
    }

    /** Where the hosted UI may send users after sign-in. */
    public ExternalLoginBuilder callbackUrls(String... urls) {
        callbackUrls.addAll(Arrays.asList(urls));
        return this;
    }

    /** Where the hosted UI may send users after sign-out. */
    public ExternalLoginBuilder logoutUrls(String... urls) {
        logoutUrls.addAll(Arrays.asList(urls));
        return this;
    }

    ExternalLogin toModel() {
        return new ExternalLogin(providers, scopes, callbackUrls, logoutUrls);
    }
}
