package io.amplify4j.dsl;

import io.amplify4j.model.BackendModel;

/**
 * A class that defines a backend, so that tools (the synthesizer, the client generator, the sandbox and the Maven
 * plugin) can load it by name. Implementations need a public no-argument constructor.
 */
public interface BackendDefinition {
    /** Builds and validates the backend. */
    BackendModel define();
}
