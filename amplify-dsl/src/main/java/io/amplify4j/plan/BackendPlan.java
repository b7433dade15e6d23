package io.amplify4j.plan;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.AuthorizationModes;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan: everything derived from a validated {@link BackendModel}, derived once, read by every consumer (CDK
 * constructs, the sandbox, the client generator, the outputs and manifest). A consumer that re-derives something
 * the plan knows is a bug waiting to diverge, so anything a second consumer needs belongs here.
 *
 * <p>Immutable; planning the same model twice gives equal plans and byte-identical text.
 *
 * @param model the backend as defined
 * @param names the naming strategy every name in the plan came from
 * @param data the data plan, when the backend has a data definition
 * @param storage who may do what in each bucket (empty without buckets)
 * @param identityPool the identity pool's guest access and role mapping, when the backend has auth
 */
public record BackendPlan(BackendModel model, Names names, Optional<DataPlan> data, StoragePlan storage,
        Optional<IdentityPoolPlan> identityPool) {

    public BackendPlan {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(identityPool, "identityPool");
    }

    /** Plans a validated backend with Amplify's naming. */
    public static BackendPlan of(BackendModel model) {
        return of(model, Names.DEFAULT);
    }

    /** Plans a validated backend with a custom naming strategy. */
    public static BackendPlan of(BackendModel model, Names names) {
        return new BackendPlan(model, names, model.data().map(d -> DataPlan.of(d, model.name(), names)),
                StoragePlan.of(model), IdentityPoolPlan.of(model));
    }

    /**
     * The API's default authorization mode, as Amplify derives it: the explicit {@code defaultMode}; else the user
     * pool when the backend has auth; else the one configured mode (API key, Lambda authorizer or OIDC); else IAM.
     * AppSync admits only this mode on a type or field without authorization directives. Empty without data.
     */
    public Optional<AuthorizationModes.Mode> defaultAuthorizationMode() {
        return model.data().map(data -> {
            AuthorizationModes modes = data.authorizationModes();
            if (modes.defaultMode().isPresent()) {
                return modes.defaultMode().get();
            }
            if (model.auth().isPresent()) {
                return AuthorizationModes.Mode.USER_POOL;
            }
            if (modes.apiKey().isPresent()) {
                return AuthorizationModes.Mode.API_KEY;
            }
            if (modes.lambdaAuthorizer().isPresent()) {
                return AuthorizationModes.Mode.LAMBDA;
            }
            if (modes.oidc().isPresent()) {
                return AuthorizationModes.Mode.OIDC;
            }
            return AuthorizationModes.Mode.IAM;
        });
    }
}
