package io.amplify4j.cdk;

/**
 * Deterministic SSM parameter names under which {@link AmplifyBackend} publishes what functions may need at run
 * time (the GraphQL endpoint, bucket names, the user pool id).
 *
 * <p>Why parameters and not plain environment values: a function that backs a data operation is referenced by the
 * data stack, and the same function calling the API would need the API's endpoint, a reference the other way; the
 * stacks would depend on each other. Functions therefore carry only these names, which are plain strings, and read
 * the values at cold start with {@code ssm:GetParameter} on exactly these parameters. Every reference then points
 * from the auth, data and storage stacks to the function stack, never back.
 *
 * @param root the path every name starts with, {@code /amplify4j/<backend>[/<prefix>]}
 */
public record ParameterNames(String root) {

    /** The names of backend {@code backendName}, with an optional name prefix (empty for none). */
    public static ParameterNames of(String backendName, String namePrefix) {
        return new ParameterNames("/amplify4j/" + backendName + (namePrefix.isEmpty() ? "" : "/" + namePrefix));
    }

    /** The user pool id of auth resource {@code authName}. */
    public String userPoolId(String authName) {
        return root + "/auth/" + authName + "/userPoolId";
    }

    /** The GraphQL endpoint of data resource {@code dataName}. */
    public String graphqlEndpoint(String dataName) {
        return root + "/data/" + dataName + "/graphqlEndpoint";
    }

    /** The bucket name of storage resource {@code storageName}. */
    public String bucketName(String storageName) {
        return root + "/storage/" + storageName + "/bucketName";
    }
}
