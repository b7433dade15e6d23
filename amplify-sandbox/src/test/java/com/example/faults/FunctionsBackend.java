package com.example.faults;

import io.amplify4j.dsl.AuthBuilder;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.DataType;
import io.amplify4j.dsl.FunctionRef;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.Secrets;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.auth.AuthTrigger;
import io.amplify4j.model.data.AuthorizationModes.Mode;
import io.amplify4j.model.data.FunctionDataAccess.ResourceOperation;
import java.util.List;

/**
 * A backend whose functions misbehave on purpose: the sandbox's function fault tests (D14, D16), auth triggers and
 * handler isolation. Every handler is declared with {@code javaHandler(Class)}, so its artifact is the test class
 * directory and the sandbox loads it in a class loader of its own, as from a deployed jar.
 */
public final class FunctionsBackend implements BackendDefinition {
    /** The Lambda authorizer's cache TTL, seconds. */
    public static final int AUTHORIZER_TTL = 60;

    @Override
    public BackendModel define() {
        BackendBuilder backend = Backend.builder("functions");
        FunctionRef faulty = backend.function("faulty", fn -> fn.javaHandler(FaultyHandler.class).timeoutSeconds(1));
        FunctionRef raw = backend.function("raw", fn -> fn.javaHandler(RawHandler.class).timeoutSeconds(1));
        FunctionRef gate = backend.function("gate", fn -> fn.javaHandler(GateAuthorizer.class).timeoutSeconds(1));
        FunctionRef whoami = backend.function("whoami", fn -> fn.javaHandler(WhoAmIHandler.class));
        FunctionRef triggers = backend.function("signUpTriggers", fn -> fn.javaHandler(SignUpTriggers.class));
        FunctionRef env = backend.function("envReader", fn -> fn.javaHandler(EnvHandler.class)
                .environment("GREETING", "hello")
                .secret("API_TOKEN", Secrets.secret("faults/api-token")));

        AuthBuilder auth = backend.auth().loginWithEmail();
        auth.trigger(AuthTrigger.PRE_SIGN_UP, triggers);
        auth.trigger(AuthTrigger.PRE_TOKEN_GENERATION, triggers);

        DataBuilder data = backend.data();
        data.authorizationModes(modes -> modes
                .defaultMode(Mode.USER_POOL)
                .apiKey(7)
                .lambdaAuthorizer(gate, AUTHORIZER_TTL));
        data.authorization(allow -> List.of(allow.resource(env).to(ResourceOperation.QUERY)));

        ModelBuilder note = data.model("Note");
        note.string("text").required();
        note.authorization(allow -> List.of(allow.custom(), allow.publicApiKey(), allow.authenticated()));

        data.query("faulty")
                .argument("mode", DataType.string().required())
                .returns(DataType.string())
                .handler(faulty)
                .authorization(allow -> List.of(allow.publicApiKey()));
        data.query("raw")
                .argument("mode", DataType.string().required())
                .returns(DataType.json())
                .handler(raw)
                .authorization(allow -> List.of(allow.publicApiKey()));
        data.query("whoami")
                .returns(DataType.json())
                .handler(whoami)
                .authorization(allow -> List.of(allow.custom(), allow.publicApiKey(), allow.authenticated()));
        data.mutation("notify")
                .argument("mode", DataType.string().required())
                .asyncHandler(faulty)
                .authorization(allow -> List.of(allow.publicApiKey()));
        data.query("env")
                .returns(DataType.json())
                .handler(env)
                .authorization(allow -> List.of(allow.publicApiKey()));
        return backend.build();
    }
}
