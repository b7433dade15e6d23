package io.amplify4j.model;

import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.model.storage.StorageDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole backend as the user defined it: immutable, validated, and free of anything derived.
 * Everything derived from it (GraphQL schema, tables, resolvers, policies) is computed once by the plan.
 *
 * @param name the backend's name, used as a prefix for deterministic resource names
 * @param profile removal and protection policy for stateful resources
 * @param auth the Cognito user pool and identity pool, when the backend has sign-in
 * @param data the GraphQL API and its models, when the backend has one
 * @param storage the S3 buckets, in declaration order
 * @param functions the Lambda functions, in declaration order
 */
public record BackendModel(
        String name,
        Profile profile,
        Optional<AuthDefinition> auth,
        Optional<DataDefinition> data,
        List<StorageDefinition> storage,
        List<FunctionDefinition> functions) {

    public BackendModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(data, "data");
        storage = Canonical.list(storage);
        functions = Canonical.list(functions);
    }

    /** The function of that name, if the backend defines one. */
    public Optional<FunctionDefinition> function(String functionName) {
        return functions.stream().filter(f -> f.name().equals(functionName)).findFirst();
    }
}
