package io.amplify4j.plan;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.DisabledOperation;
import io.amplify4j.model.data.ModelOperation;
import java.util.List;

/** The operations generated for a model, with the root type each lives on and what enables and grants it. */
public enum ModelOperationKind {
    GET(CustomOperation.Type.QUERY, DisabledOperation.QUERIES, DisabledOperation.GET, ModelOperation.GET),
    LIST(CustomOperation.Type.QUERY, DisabledOperation.QUERIES, DisabledOperation.LIST, ModelOperation.LIST),
    CREATE(CustomOperation.Type.MUTATION, DisabledOperation.MUTATIONS, DisabledOperation.CREATE, ModelOperation.CREATE),
    UPDATE(CustomOperation.Type.MUTATION, DisabledOperation.MUTATIONS, DisabledOperation.UPDATE, ModelOperation.UPDATE),
    DELETE(CustomOperation.Type.MUTATION, DisabledOperation.MUTATIONS, DisabledOperation.DELETE, ModelOperation.DELETE),
    ON_CREATE(CustomOperation.Type.SUBSCRIPTION, DisabledOperation.SUBSCRIPTIONS, DisabledOperation.ON_CREATE,
            ModelOperation.LISTEN),
    ON_UPDATE(CustomOperation.Type.SUBSCRIPTION, DisabledOperation.SUBSCRIPTIONS, DisabledOperation.ON_UPDATE,
            ModelOperation.LISTEN),
    ON_DELETE(CustomOperation.Type.SUBSCRIPTION, DisabledOperation.SUBSCRIPTIONS, DisabledOperation.ON_DELETE,
            ModelOperation.LISTEN);

    private final CustomOperation.Type rootType;
    private final DisabledOperation coarse;
    private final DisabledOperation fine;
    private final ModelOperation granularGrant;

    ModelOperationKind(
            CustomOperation.Type rootType, DisabledOperation coarse, DisabledOperation fine, ModelOperation grant) {
        this.rootType = rootType;
        this.coarse = coarse;
        this.fine = fine;
        this.granularGrant = grant;
    }

    /** The root type (Query, Mutation, Subscription) the operation is a field of. */
    public CustomOperation.Type rootType() {
        return rootType;
    }

    /** True when {@code disabled} switches this operation off, by its coarse group or by name. */
    public boolean disabledBy(List<DisabledOperation> disabled) {
        return disabled.contains(coarse) || disabled.contains(fine);
    }

    /**
     * True when {@code rule} grants this operation: by name, or through {@code read} for get, list and the
     * subscriptions (Amplify's {@code READ_MODEL_OPERATIONS}).
     */
    public boolean grantedBy(AuthRule rule) {
        List<ModelOperation> ops = rule.effectiveOperations();
        if (ops.contains(granularGrant)) {
            return true;
        }
        return granularGrant.isGranularRead() && ops.contains(ModelOperation.READ);
    }

    /** The subscription's source mutation, for ON_* kinds. */
    public java.util.Optional<ModelOperationKind> sourceMutation() {
        return switch (this) {
            case ON_CREATE -> java.util.Optional.of(CREATE);
            case ON_UPDATE -> java.util.Optional.of(UPDATE);
            case ON_DELETE -> java.util.Optional.of(DELETE);
            default -> java.util.Optional.empty();
        };
    }
}
