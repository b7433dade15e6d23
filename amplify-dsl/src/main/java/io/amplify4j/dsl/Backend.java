package io.amplify4j.dsl;

/**
 * The entry point of the DSL.
 *
 * <pre>{@code
 * BackendBuilder backend = Backend.builder("todo");
 * backend.auth().loginWithEmail();
 * ModelBuilder todo = backend.data().model("Todo");
 * todo.string("content").required();
 * todo.authorization(allow -> List.of(allow.owner(), allow.publicApiKey().to(ModelOperation.READ)));
 * backend.data().authorizationModes(modes -> modes.apiKey(30));
 * BackendModel model = backend.build();
 * }</pre>
 */
public final class Backend {
    private Backend() {}

    /** Starts defining a backend called {@code name}; the name prefixes its resources. */
    public static BackendBuilder builder(String name) {
        return new BackendBuilder(name);
    }
}
