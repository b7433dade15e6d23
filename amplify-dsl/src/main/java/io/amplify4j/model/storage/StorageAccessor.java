package io.amplify4j.model.storage;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;

/** Who a storage access rule is for. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StorageAccessor.Guest.class, name = "guest"),
    @JsonSubTypes.Type(value = StorageAccessor.Authenticated.class, name = "authenticated"),
    @JsonSubTypes.Type(value = StorageAccessor.Groups.class, name = "groups"),
    @JsonSubTypes.Type(value = StorageAccessor.Entity.class, name = "entity"),
    @JsonSubTypes.Type(value = StorageAccessor.Resource.class, name = "resource")
})
public sealed interface StorageAccessor {

    /** How the rule is described in messages, for example {@code groups [ADMINS]}. */
    String describe();

    /** Unauthenticated identity-pool identities. */
    record Guest() implements StorageAccessor {
        @Override
        public String describe() {
            return "guest";
        }
    }

    /** Authenticated identity-pool identities. */
    record Authenticated() implements StorageAccessor {
        @Override
        public String describe() {
            return "authenticated";
        }
    }

    /** Members of user pool groups. */
    record Groups(List<String> groups) implements StorageAccessor {
        public Groups {
            groups = Canonical.list(groups);
        }

        @Override
        public String describe() {
            return "groups " + groups;
        }
    }

    /** The identity owning the {@code {entity_id}} path segment. */
    record Entity() implements StorageAccessor {
        @Override
        public String describe() {
            return "entity identity";
        }
    }

    /** A function of this backend. */
    record Resource(String function) implements StorageAccessor {
        public Resource {
            Objects.requireNonNull(function, "function");
        }

        @Override
        public String describe() {
            return "resource " + function;
        }
    }
}
