package io.amplify4j.dsl;

import io.amplify4j.validate.Problems;

/** Something declared in one backend and referred to by handle; a handle from another backend is a mistake. */
interface Handle {
    /** The backend that declared this handle. */
    BackendBuilder backend();

    /** How the handle is named in messages, for example {@code model `Todo`}. */
    String describe();

    default void checkSameBackend(BackendBuilder expected, String place, Problems problems) {
        if (backend() != expected) {
            problems.add(place, describe() + " belongs to another backend definition (`" + backend().name()
                    + "`). Declare it in this backend and use that handle.");
        }
    }
}
