package io.amplify4j.model.data;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;

/**
 * One authorization rule on the schema, a model, a field or a custom operation.
 *
 * <p>Every rule names the operations it grants; an empty list means all of them ({@link ModelOperation#all()}).
 * Rules only grant: a caller may do what at least one applicable rule allows.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "allow")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AuthRule.PublicApiKey.class, name = "publicApiKey"),
    @JsonSubTypes.Type(value = AuthRule.Guest.class, name = "guest"),
    @JsonSubTypes.Type(value = AuthRule.Authenticated.class, name = "authenticated"),
    @JsonSubTypes.Type(value = AuthRule.Owner.class, name = "owner"),
    @JsonSubTypes.Type(value = AuthRule.Groups.class, name = "groups"),
    @JsonSubTypes.Type(value = AuthRule.GroupsDefinedIn.class, name = "groupsDefinedIn"),
    @JsonSubTypes.Type(value = AuthRule.Custom.class, name = "custom")
})
public sealed interface AuthRule {

    /** The provider that vouches for callers this rule admits. */
    AuthProvider provider();

    /** The operations granted, in declaration order of {@link ModelOperation}; empty means all. */
    List<ModelOperation> operations();

    /** The operations granted, with an empty list expanded to {@link ModelOperation#all()}. */
    default List<ModelOperation> effectiveOperations() {
        return operations().isEmpty() ? ModelOperation.all() : operations();
    }

    /** Anyone holding a valid API key. */
    record PublicApiKey(List<ModelOperation> operations) implements AuthRule {
        public PublicApiKey {
            operations = Canonical.enumSet(operations);
        }

        @Override
        public AuthProvider provider() {
            return AuthProvider.API_KEY;
        }
    }

    /** Unauthenticated identities of the identity pool. */
    record Guest(List<ModelOperation> operations) implements AuthRule {
        public Guest {
            operations = Canonical.enumSet(operations);
        }

        @Override
        public AuthProvider provider() {
            return AuthProvider.IDENTITY_POOL;
        }
    }

    /** Any signed-in caller of the provider: user pool, identity pool or OIDC. */
    record Authenticated(AuthProvider provider, List<ModelOperation> operations) implements AuthRule {
        public Authenticated {
            Objects.requireNonNull(provider, "provider");
            operations = Canonical.enumSet(operations);
        }
    }

    /**
     * The owner or owners named in a field of the item.
     *
     * @param field the field that holds the owner ({@code owner} by default)
     * @param multiple true when the field holds a list of owners ({@code ownersDefinedIn})
     * @param identityClaim the token claim that identifies the caller ({@code sub::username} by default)
     * @param provider user pools or OIDC
     * @param allowOwnerTransfer true when an owner may change the owner field; immutable otherwise
     * @param operations the operations granted
     */
    record Owner(
            String field,
            boolean multiple,
            String identityClaim,
            AuthProvider provider,
            boolean allowOwnerTransfer,
            List<ModelOperation> operations) implements AuthRule {
        public static final String DEFAULT_FIELD = "owner";
        public static final String DEFAULT_IDENTITY_CLAIM = "sub::username";

        public Owner {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(identityClaim, "identityClaim");
            Objects.requireNonNull(provider, "provider");
            operations = Canonical.enumSet(operations);
        }
    }

    /**
     * Members of any of the named groups (static group authorization).
     *
     * @param groups the group names
     * @param groupClaim the token claim listing the caller's groups ({@code cognito:groups} by default)
     */
    record Groups(List<String> groups, String groupClaim, AuthProvider provider, List<ModelOperation> operations)
            implements AuthRule {
        public static final String DEFAULT_GROUP_CLAIM = "cognito:groups";

        public Groups {
            groups = Canonical.list(groups);
            Objects.requireNonNull(groupClaim, "groupClaim");
            Objects.requireNonNull(provider, "provider");
            operations = Canonical.enumSet(operations);
        }
    }

    /**
     * Members of the group or groups named in a field of the item (dynamic group authorization).
     *
     * @param field the field holding the group name, or a list of names when {@code multiple}
     */
    record GroupsDefinedIn(
            String field, boolean multiple, String groupClaim, AuthProvider provider, List<ModelOperation> operations)
            implements AuthRule {
        public GroupsDefinedIn {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(groupClaim, "groupClaim");
            Objects.requireNonNull(provider, "provider");
            operations = Canonical.enumSet(operations);
        }
    }

    /** Callers a Lambda authorizer admits. */
    record Custom(List<ModelOperation> operations) implements AuthRule {
        public Custom {
            operations = Canonical.enumSet(operations);
        }

        @Override
        public AuthProvider provider() {
            return AuthProvider.FUNCTION;
        }
    }
}
