package io.amplify4j.model.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Map;

/**
 * Federated sign-in through the user pool's hosted OAuth domain.
 *
 * @param providers the identity providers
 * @param scopes OAuth scopes the app client requests
 * @param callbackUrls where the hosted UI may redirect after sign-in
 * @param logoutUrls where the hosted UI may redirect after sign-out
 */
public record ExternalLogin(
        List<Provider> providers, List<OAuthScope> scopes, List<String> callbackUrls, List<String> logoutUrls) {

    public ExternalLogin {
        providers = Canonical.list(providers);
        scopes = Canonical.enumSet(scopes);
        callbackUrls = Canonical.list(callbackUrls);
        logoutUrls = Canonical.list(logoutUrls);
    }

    /** OAuth scopes Cognito app clients support. */
    public enum OAuthScope {
        PHONE,
        EMAIL,
        OPENID,
        PROFILE,
        COGNITO_ADMIN
    }

    /** An external identity provider. Credentials are secrets referenced by name. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Social.class, name = "social"),
        @JsonSubTypes.Type(value = Apple.class, name = "apple"),
        @JsonSubTypes.Type(value = Oidc.class, name = "oidc"),
        @JsonSubTypes.Type(value = Saml.class, name = "saml")
    })
    public sealed interface Provider {
        /** The provider's name in the user pool. */
        String providerName();

        /** User pool attribute → provider attribute. */
        Map<String, String> attributeMapping();
    }

    /** Google, Facebook or Login with Amazon. */
    public record Social(
            SocialKind socialKind,
            SecretRef clientId,
            SecretRef clientSecret,
            List<String> scopes,
            Map<String, String> attributeMapping) implements Provider {
        public Social {
            Objects.requireNonNull(socialKind, "socialKind");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            scopes = Canonical.list(scopes);
            attributeMapping = Canonical.sortedMap(attributeMapping);
        }

        @Override
        public String providerName() {
            return socialKind.providerName();
        }
    }

    /** The social providers that sign in with a client id and secret. */
    public enum SocialKind {
        GOOGLE("Google"),
        FACEBOOK("Facebook"),
        AMAZON("LoginWithAmazon");

        private final String providerName;

        SocialKind(String providerName) {
            this.providerName = providerName;
        }

        public String providerName() {
            return providerName;
        }
    }

    /** Sign in with Apple. */
    public record Apple(
            SecretRef clientId,
            SecretRef teamId,
            SecretRef keyId,
            SecretRef privateKey,
            List<String> scopes,
            Map<String, String> attributeMapping) implements Provider {
        public Apple {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(teamId, "teamId");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(privateKey, "privateKey");
            scopes = Canonical.list(scopes);
            attributeMapping = Canonical.sortedMap(attributeMapping);
        }

        @Override
        public String providerName() {
            return "SignInWithApple";
        }
    }

    /** A generic OpenID Connect provider. */
    public record Oidc(
            String providerName,
            String issuerUrl,
            SecretRef clientId,
            SecretRef clientSecret,
            AttributeRequestMethod attributeRequestMethod,
            List<String> scopes,
            Map<String, String> attributeMapping) implements Provider {
        public Oidc {
            Objects.requireNonNull(providerName, "providerName");
            Objects.requireNonNull(issuerUrl, "issuerUrl");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(attributeRequestMethod, "attributeRequestMethod");
            scopes = Canonical.list(scopes);
            attributeMapping = Canonical.sortedMap(attributeMapping);
        }
    }

    /** How Cognito asks an OIDC provider for user attributes. */
    public enum AttributeRequestMethod {
        GET,
        POST
    }

    /** A SAML provider, its metadata given by URL or inline document. */
    public record Saml(
            String providerName,
            SamlMetadataType metadataType,
            String metadataContent,
            Map<String, String> attributeMapping) implements Provider {
        public Saml {
            Objects.requireNonNull(providerName, "providerName");
            Objects.requireNonNull(metadataType, "metadataType");
            Objects.requireNonNull(metadataContent, "metadataContent");
            attributeMapping = Canonical.sortedMap(attributeMapping);
        }
    }

    /** How a SAML provider's metadata is given: a URL to fetch it from, or the document itself (a file's content). */
    public enum SamlMetadataType {
        URL,
        FILE
    }
}
