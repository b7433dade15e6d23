package io.amplify4j.cdk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.model.BackendModel;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.lock.Allowance;
import io.amplify4j.plan.lock.DeploymentLock;
import io.amplify4j.plan.lock.Lock;
import io.amplify4j.plan.lock.UnsafeChangeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * What the model cannot know alone: missing functions, pool, roles and handler files fail construction with every
 * problem named; a lock file refuses data-losing changes before anything is built.
 */
class DataInputTest {

    private static AmplifyData build(BackendModel model, java.util.function.BiConsumer<Stack,
            AmplifyDataProps.Builder> configure) {
        return DataStacks.synthesize(new App(), BackendPlan.of(model), configure).data();
    }

    @Test
    void the_shop_without_anything_from_the_other_categories_lists_every_problem() {
        assertThatThrownBy(() -> build(new ShopBackend().define(), (stack, b) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AmplifyData cannot synthesize backend `shop`:\n"
                        + "- data.authorizationModes: the API admits user-pool callers but no user pool was given."
                        + " Pass AmplifyDataProps.builder(plan).userPool(pool) (AmplifyBackend passes its auth's"
                        + " pool).\n"
                        + "- data.authorizationModes.lambdaAuthorizer: the Lambda authorizer `partnerAuthorizer` is"
                        + " not in the functions map. Pass it with AmplifyDataProps.builder(plan)"
                        + ".function(\"partnerAuthorizer\", fn) (AmplifyBackend passes every function it builds).\n"
                        + "- data.operations (Query.recommendProducts): the handler function `recommend` is not in"
                        + " the functions map. Pass it with AmplifyDataProps.builder(plan).function(\"recommend\","
                        + " fn) (AmplifyBackend passes every function it builds).\n"
                        + "- data.authorization (allow.resource): the function `restock` granted access to the API is"
                        + " not in the functions map. Pass it with AmplifyDataProps.builder(plan)"
                        + ".function(\"restock\", fn) (AmplifyBackend passes every function it builds).\n"
                        + "- data.Category, data.Product: guest rules need the identity pool's unauthenticated role;"
                        + " pass AmplifyDataProps.builder(plan).unauthenticatedRole(role).\n"
                        + "- data.Category, data.Product, data.Review: identity-pool rules need the identity pool's"
                        + " id (the resolvers admit only its identities); pass"
                        + " AmplifyDataProps.builder(plan).identityPoolId(id).\n"
                        + "- data: rules admit signed-in identity-pool callers, which need the identity pool's"
                        + " authenticated role; pass AmplifyDataProps.builder(plan).authenticatedRole(role).\n"
                        + "- data.operations.adjustStock: the custom handler `src/main/js/adjustStock.js` does not"
                        + " exist (looked for " + Path.of("src/main/js/adjustStock.js").toAbsolutePath().normalize()
                        + "). Create it, or set AmplifyDataProps.builder(plan).projectDirectory(...) to the directory"
                        + " its path is relative to.");
    }

    @Test
    void a_function_missing_from_the_map_is_named_with_its_operation() {
        BackendModel model = new ShopBackend().define();
        // Everything but the function `recommend`: exactly one problem, naming the operation that calls it.
        assertThatThrownBy(() -> DataStacks.synthesize(new App(), BackendPlan.of(model), (stack, b) -> {
            AmplifyDataProps.Builder all = AmplifyDataProps.builder(BackendPlan.of(model));
            DataStacks.everything(stack, model).accept(all);
            AmplifyDataProps complete = all.build();
            b.userPool(complete.userPool().orElseThrow()).userPoolClientId("testclientid")
                    .identityPoolId(complete.identityPoolId().orElseThrow())
                    .authenticatedRole(complete.authenticatedRole().orElseThrow())
                    .unauthenticatedRole(complete.unauthenticatedRole().orElseThrow())
                    .groupRoles(complete.groupRoles())
                    .projectDirectory(ShopDataTest.PROJECT);
            complete.functions().forEach((name, fn) -> {
                if (!name.equals("recommend")) {
                    b.function(name, fn);
                }
            });
        })).hasMessage("AmplifyData cannot synthesize backend `shop`:\n"
                + "- data.operations (Query.recommendProducts): the handler function `recommend` is not in the"
                + " functions map. Pass it with AmplifyDataProps.builder(plan).function(\"recommend\", fn)"
                + " (AmplifyBackend passes every function it builds).");
    }

    @Test
    void a_backend_without_data_is_refused() {
        BackendModel model = io.amplify4j.dsl.Backend.builder("empty").build();
        assertThatThrownBy(() -> AmplifyDataProps.of(BackendPlan.of(model)))
                .hasMessage("AmplifyData needs a backend with data: backend `empty` defines none. Add models with"
                        + " backend.data(), or leave AmplifyData out.");
    }

    @Test
    void a_lock_file_refuses_a_changed_key_and_the_allowance_lets_it_through(@TempDir Path directory) {
        Path file = directory.resolve(Lock.DEFAULT_FILE_NAME);
        BackendModel todo = new TodoBackend().define();
        AmplifyData first = build(todo, (stack, b) -> {
            DataStacks.everything(stack, todo).accept(b);
            b.lock(DeploymentLock.at(file));
        });
        first.writeLock();
        assertThat(Lock.read(file)).contains(first.lockState());
        assertThat(first.lockState().dataPlacement()).containsEntry("Todo", 1);

        BackendModel keyed = todoWithTitleKey();
        assertThatThrownBy(() -> build(keyed, (stack, b) -> {
            DataStacks.everything(stack, keyed).accept(b);
            b.lock(DeploymentLock.at(file));
        })).isInstanceOf(UnsafeChangeException.class)
                .hasMessageStartingWith("Synthesis refused: 1 change against the lock file " + file
                        + " would lose data.\n- data.Todo: the key of table `todo-Todo` changes from (id:S) to"
                        + " (title:S).");
        AmplifyData allowed = build(keyed, (stack, b) -> {
            DataStacks.everything(stack, keyed).accept(b);
            b.lock(DeploymentLock.at(file).allow(Allowance.replaceTable("Todo")));
        });
        assertThat(allowed.tables()).containsKey("Todo");
    }

    @Test
    void an_allowed_rename_keeps_the_tables_logical_id_and_shard(@TempDir Path directory) {
        Path file = directory.resolve(Lock.DEFAULT_FILE_NAME);
        BackendModel before = GeneratedModels.backend(3);
        AmplifyData first = build(before, (stack, b) -> {
            DataStacks.everything(stack, before).accept(b);
            b.lock(DeploymentLock.at(file));
        });
        first.writeLock();
        String id = Stack.of(first.table("Item002")).resolve(first.table("Item002").getLogicalId()).toString();

        BackendModel renamed = renamedSecondModel();
        AmplifyData second = build(renamed, (stack, b) -> {
            DataStacks.everything(stack, renamed).accept(b);
            b.lock(DeploymentLock.at(file).allow(Allowance.renameModel("Item002", "Thing")));
        });
        assertThat(Stack.of(second.table("Thing")).resolve(second.table("Thing").getLogicalId()).toString())
                .isEqualTo(id);
        assertThat(second.placement()).containsEntry("Item002", first.placement().get("Item002"));
        Template.fromStack(second.shards().get(1)).hasResourceProperties("AWS::DynamoDB::Table",
                java.util.Map.of("TableName", "scale-Item002"));
        assertThat(second.lockState().table("Thing").orElseThrow().resourceId()).isEqualTo("Item002");
    }

    /** The todo backend keyed by a required title instead of the implicit id. */
    private static BackendModel todoWithTitleKey() {
        var backend = io.amplify4j.dsl.Backend.builder("todo");
        backend.auth().loginWithEmail();
        backend.data().authorizationModes(modes -> modes.apiKey(30));
        var todo = backend.data().model("Todo");
        var title = todo.string("title").required();
        todo.bool("done").required().defaultValue(false);
        todo.identifier(title);
        todo.authorization(allow -> List.of(allow.owner(),
                allow.publicApiKey().to(io.amplify4j.model.data.ModelOperation.READ)));
        return backend.build();
    }

    /** Three generated models with the second renamed to Thing, keeping its table name. */
    private static BackendModel renamedSecondModel() {
        var backend = io.amplify4j.dsl.Backend.builder("scale");
        backend.auth().loginWithEmail();
        backend.data().authorizationModes(modes -> modes.apiKey(30));
        for (String name : List.of("Item001", "Thing", "Item003")) {
            var model = backend.data().model(name);
            model.string("title").required();
            model.string("notes");
            model.integer("rank");
            if (name.equals("Thing")) {
                model.tableName("scale-Item002");
            }
            model.authorization(allow -> List.of(allow.owner(),
                    allow.publicApiKey().to(io.amplify4j.model.data.ModelOperation.READ)));
        }
        return backend.build();
    }
}
