package io.amplify4j.validate;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.function.FunctionDefinition;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What every category validator needs to know about the rest of the backend, computed once, plus the
 * collector they all report into. Cross-category checks (a storage rule naming a function, a data rule
 * naming a group) go through here so that each category validator only walks its own part of the model.
 */
final class Context {
    final BackendModel backend;
    final Problems problems;
    private final Set<String> functionNames = new LinkedHashSet<>();
    private final Set<String> groupNames = new LinkedHashSet<>();

    Context(BackendModel backend, Problems problems) {
        this.backend = backend;
        this.problems = problems;
        backend.functions().forEach(f -> functionNames.add(f.name()));
        backend.auth().ifPresent(a -> a.groups().forEach(g -> groupNames.add(g.name())));
    }

    void add(String place, String message) {
        problems.add(place, message);
    }

    void addf(String place, String format, Object... args) {
        problems.addf(place, format, args);
    }

    boolean hasAuth() {
        return backend.auth().isPresent();
    }

    boolean hasFunction(String name) {
        return functionNames.contains(name);
    }

    boolean hasGroup(String name) {
        return groupNames.contains(name);
    }

    /** Declared group names, for "declared: [...]" hints. */
    Set<String> groupNames() {
        return groupNames;
    }

    java.util.Optional<AuthDefinition> auth() {
        return backend.auth();
    }

    java.util.Optional<FunctionDefinition> function(String name) {
        return backend.function(name);
    }

    /**
     * Whether the API will have an API key. Besides explicit settings, Amplify adds a key when it is the
     * default mode, and when a backend has neither auth nor any configured mode (the key is then the default).
     */
    static boolean apiKeyEnabled(BackendModel backend, DataDefinition data) {
        AuthorizationModes modes = data.authorizationModes();
        return modes.apiKey().isPresent()
                || modes.defaultMode().filter(AuthorizationModes.Mode.API_KEY::equals).isPresent()
                || (backend.auth().isEmpty() && modes.equals(AuthorizationModes.none()));
    }
}
