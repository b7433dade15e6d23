package io.amplify4j.plan;

import static io.amplify4j.model.data.ModelOperation.READ;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.model.data.AuthorizationModes.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultAuthorizationModeTest {
    @Test
    void theUserPoolWhenTheBackendHasAuth() {
        assertThat(BackendPlan.of(new TodoBackend().define()).defaultAuthorizationMode()).contains(Mode.USER_POOL);
    }

    @Test
    void theOnlyConfiguredModeWithoutAuth() {
        BackendBuilder backend = Backend.builder("keys");
        backend.data().authorizationModes(modes -> modes.apiKey(3));
        backend.data().model("Note").authorization(allow -> List.of(allow.publicApiKey().to(READ)))
                .string("text");
        assertThat(BackendPlan.of(backend.build()).defaultAuthorizationMode()).contains(Mode.API_KEY);
    }

    @Test
    void anExplicitDefaultWins() {
        BackendBuilder backend = Backend.builder("explicit");
        backend.auth().loginWithEmail();
        backend.data().authorizationModes(modes -> modes.apiKey(3).defaultMode(Mode.API_KEY));
        backend.data().model("Note").authorization(allow -> List.of(allow.publicApiKey().to(READ)))
                .string("text");
        assertThat(BackendPlan.of(backend.build()).defaultAuthorizationMode()).contains(Mode.API_KEY);
    }
}
