package io.amplify4j.samples.todo;

import static io.amplify4j.model.data.ModelOperation.READ;

import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.AuthorizationModes.Mode;
import java.util.List;

/**
 * The smallest useful backend: one model whose items belong to the user who created them, readable by anyone
 * holding the API key (a public board of everybody's to-dos that only their owners can change).
 */
public final class TodoBackend implements BackendDefinition {

    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("todo");
        backend.auth().loginWithEmail();

        var data = backend.data();
        data.authorizationModes(modes -> modes.defaultMode(Mode.USER_POOL).apiKey(30));

        ModelBuilder todo = data.model("Todo").description("Something to do.");
        todo.string("content").required().minLength(1);
        todo.bool("done").required().defaultValue(false);
        todo.authorization(allow -> List.of(allow.owner(), allow.publicApiKey().to(READ)));

        return backend.build();
    }
}
