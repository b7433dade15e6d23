package io.amplify4j.plan;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.model.data.DataDefinition;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan: everything derived from a validated {@link BackendModel}, derived once, read by every consumer (CDK
 * constructs, the sandbox, the client generator, the outputs and manifest). A consumer that re-derives something
 * the plan knows is a bug waiting to diverge, so anything a second consumer needs belongs here.
 *
 * <p>Immutable; planning the same model twice gives equal plans and byte-identical text.
 *
 * @param model the backend as defined, with its AI routes expanded into the models, types, operations, functions
 *     and grants they stand for ({@link AiRoutes}); without conversation routes, the model as defined
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
    public static BackendPlan of(BackendModel definition, Names names) {
        BackendModel model = AiRoutes.expand(definition, names);
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

    /**
     * The API's additional authorization modes (every mode it admits besides the default), in
     * {@link AuthorizationModes.Mode} order: the user pool when the backend has auth; IAM when the backend has auth
     * (the identity pool's guest and signed-in identities) or grants functions access to the data; the API key,
     * Lambda authorizer and OIDC modes when configured. Empty without data.
     */
    public List<AuthorizationModes.Mode> additionalAuthorizationModes() {
        if (model.data().isEmpty()) {
            return List.of();
        }
        DataDefinition data = model.data().get();
        AuthorizationModes modes = data.authorizationModes();
        EnumSet<AuthorizationModes.Mode> all = EnumSet.noneOf(AuthorizationModes.Mode.class);
        if (model.auth().isPresent()) {
            all.add(AuthorizationModes.Mode.USER_POOL);
            all.add(AuthorizationModes.Mode.IAM);
        }
        if (!data.functionAccess().isEmpty()) {
            all.add(AuthorizationModes.Mode.IAM);
        }
        modes.apiKey().ifPresent(k -> all.add(AuthorizationModes.Mode.API_KEY));
        modes.lambdaAuthorizer().ifPresent(l -> all.add(AuthorizationModes.Mode.LAMBDA));
        modes.oidc().ifPresent(o -> all.add(AuthorizationModes.Mode.OIDC));
        defaultAuthorizationMode().ifPresent(all::remove);
        return List.copyOf(all);
    }

    /**
     * Whether the identity pool admits unauthenticated (guest) identities: only when a data or storage rule grants
     * guests something (stricter than Amplify, which always admits them). False without auth. Read from
     * {@link IdentityPoolPlan#allowUnauthenticatedIdentities()}, where it is computed.
     */
    public boolean unauthenticatedIdentitiesEnabled() {
        return identityPool.map(IdentityPoolPlan::allowUnauthenticatedIdentities).orElse(false);
    }
}
