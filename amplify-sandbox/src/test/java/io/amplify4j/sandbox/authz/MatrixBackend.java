package io.amplify4j.sandbox.authz;

import static io.amplify4j.model.data.ModelOperation.READ;

import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.AuthenticatedProvider;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.FieldOperation;
import io.amplify4j.dsl.FunctionRef;
import io.amplify4j.dsl.ListField;
import io.amplify4j.dsl.ModelAllow;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.Rule;
import io.amplify4j.dsl.StringField;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.FunctionDataAccess.ResourceOperation;
import io.amplify4j.model.data.ModelOperation;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The authorization matrix's backend, defined with the DSL: one model per rule kind, so rules never mix, each with
 * the same fields ({@code content}, {@code owner}, {@code editors}, {@code team}, {@code teams}) so that one stored
 * item means the same thing everywhere. Plus {@code Patient} (field-level rules), {@code Post}/{@code Comment}
 * (traversal), the schema-level grant {@code resource(reporter).to(QUERY)}, auth with groups Admin and Editors, an
 * API key, a Lambda authorizer and an OIDC provider.
 */
final class MatrixBackend {
    static final String AUTHORIZER = "authorizer";
    static final String REPORTER = "reporter";
    static final String INTRUDER = "intruder";

    /** Model name → its rules, given the model's owner/group fields. */
    enum Kind {
        PUBLIC_API_KEY("ApiKeyDoc", "publicApiKey", (a, f) -> List.of(a.publicApiKey())),
        PUBLIC_API_KEY_READ("ApiKeyReadDoc", "publicApiKey.to(READ)", (a, f) -> List.of(a.publicApiKey().to(READ))),
        GUEST_READ("GuestReadDoc", "guest.to(READ)", (a, f) -> List.of(a.guest().to(READ))),
        AUTHENTICATED("AuthedDoc", "authenticated", (a, f) -> List.of(a.authenticated())),
        AUTHENTICATED_IDENTITY_POOL("IdentityPoolDoc", "authenticated(identityPool)",
                (a, f) -> List.of(a.authenticated(AuthenticatedProvider.IDENTITY_POOL))),
        OWNER("OwnedDoc", "owner", (a, f) -> List.of(a.owner())),
        OWNER_TRANSFER("TransferDoc", "owner.allowOwnerTransfer", (a, f) -> List.of(a.owner().allowOwnerTransfer())),
        OWNERS_DEFINED_IN("SharedDoc", "ownersDefinedIn(editors)", (a, f) -> List.of(a.ownersDefinedIn(f.editors))),
        GROUP_ADMIN("AdminDoc", "group(Admin)", (a, f) -> List.of(a.group(f.admin))),
        GROUP_DEFINED_IN("TeamDoc", "groupDefinedIn(team)", (a, f) -> List.of(a.groupDefinedIn(f.team))),
        GROUPS_DEFINED_IN("TeamsDoc", "groupsDefinedIn(teams)", (a, f) -> List.of(a.groupsDefinedIn(f.teams))),
        CUSTOM("CustomDoc", "custom", (a, f) -> List.of(a.custom()));

        final String model;
        final String label;
        final BiFunction<ModelAllow, Fields, List<? extends Rule<ModelOperation>>> rules;

        Kind(String model, String label, BiFunction<ModelAllow, Fields, List<? extends Rule<ModelOperation>>> rules) {
            this.model = model;
            this.label = label;
            this.rules = rules;
        }
    }

    /** The handles a model's rules may name. */
    record Fields(AuthGroup admin, ListField<String> editors, StringField team, ListField<String> teams) {}

    private MatrixBackend() {}

    static BackendModel define() {
        BackendBuilder backend = Backend.builder("matrix");
        AuthGroup admin = backend.auth().loginWithEmail().group("Admin");
        AuthGroup editors = backend.auth().group("Editors");
        FunctionRef authorizer = function(backend, AUTHORIZER);
        FunctionRef reporter = function(backend, REPORTER);
        function(backend, INTRUDER);

        DataBuilder data = backend.data();
        data.authorizationModes(modes -> modes.apiKey(30).lambdaAuthorizer(authorizer)
                .oidc("corp", "https://idp.example.com", null, 0, 0));
        data.authorization(allow -> List.of(allow.resource(reporter).to(ResourceOperation.QUERY)));

        for (Kind kind : Kind.values()) {
            ModelBuilder model = data.model(kind.model);
            model.string("content");
            model.string("owner");
            ListField<String> editorList = model.string("editors").array();
            StringField team = model.string("team");
            ListField<String> teams = model.string("teams").array();
            model.secondaryIndex(team);
            Fields fields = new Fields(admin, editorList, team, teams);
            model.authorization(allow -> kind.rules.apply(allow, fields));
        }

        // An owner model with an index on its owner field: the owner-scoped list of §2 #11.
        ModelBuilder note = data.model("Note");
        note.string("content");
        StringField noteOwner = note.string("owner");
        note.secondaryIndex(noteOwner).queryField("notesByOwner");
        note.authorization(allow -> List.of(allow.owner()));

        // Field-level rules replace the model's rules for their field (F1-F3, S5).
        ModelBuilder patient = data.model("Patient");
        patient.string("content");
        patient.string("owner");
        patient.string("ssn").authorization(allow -> List.of(allow.owner().to(FieldOperation.READ)));
        patient.string("salary").authorization(allow -> List.of(allow.group(admin)));
        patient.authorization(allow -> List.of(allow.authenticated()));

        // Traversal (R1, R2): an owner-only parent, children every signed-in user may read.
        ModelBuilder post = data.model("Post");
        post.string("title");
        post.authorization(allow -> List.of(allow.owner()));
        ModelBuilder comment = data.model("Comment");
        StringField postId = comment.id("postId");
        comment.string("content");
        comment.authorization(allow -> List.of(allow.authenticated().to(READ)));
        post.hasMany("comments", comment, postId);
        comment.belongsTo("post", post, postId);
        return backend.build();
    }

    private static FunctionRef function(BackendBuilder backend, String name) {
        return backend.function(name, f -> f.javaHandler("example." + name + ".Handler", Path.of("target/classes")));
    }
}
