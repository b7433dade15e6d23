package io.amplify4j.validate;

import io.amplify4j.model.BackendModel;
import java.util.List;

/**
 * Checks a whole backend model in one pass and reports every problem at once.
 * The DSL runs it in {@code build()}; anything that constructs a {@link BackendModel} by hand (or reads one
 * from a manifest) can run it too.
 *
 * <h2>Places</h2>
 * Every {@link Problem} names its place as a dotted path into the definition:
 * <table>
 *   <caption>Place format</caption>
 *   <tr><td>{@code name}</td><td>the backend's name</td></tr>
 *   <tr><td>{@code data.name}, {@code data.rules[0]}, {@code data.functionAccess[0]}</td><td>the API</td></tr>
 *   <tr><td>{@code data.authorizationModes.apiKey.expiresInDays}, {@code ...defaultMode}</td>
 *       <td>authorization modes and their settings</td></tr>
 *   <tr><td>{@code data.Todo}</td><td>a model</td></tr>
 *   <tr><td>{@code data.Todo.fields.owner}, {@code ...fields.owner.rules[0]}, {@code ...fields.priority.default},
 *       {@code ...fields.title.validators[0]}, {@code ...fields.title.validators}</td>
 *       <td>a field, its rules, default value, one validator, or its validators together</td></tr>
 *   <tr><td>{@code data.Todo.relationships.comments}</td><td>a relationship (and {@code .rules[i]})</td></tr>
 *   <tr><td>{@code data.Todo.identifier}, {@code data.Todo.rules[1]}, {@code data.Todo.versionField},
 *       {@code data.Todo.tableName}</td><td>parts of a model</td></tr>
 *   <tr><td>{@code data.Todo.indexes.byStatus}, or {@code data.Todo.indexes[0]} when unnamed</td>
 *       <td>a secondary index</td></tr>
 *   <tr><td>{@code data.enums.Status}, {@code data.types.Address}, {@code data.types.Address.fields.city}</td>
 *       <td>enums and custom types</td></tr>
 *   <tr><td>{@code data.operations.echo}, {@code ...echo.arguments.text}, {@code ...echo.returns},
 *       {@code ...echo.handlers[0]}, {@code ...echo.sources[0]}, {@code ...echo.rules[0]}</td>
 *       <td>custom operations (generation routes too: {@code ...describe.systemPrompt},
 *       {@code ...describe.inferenceConfiguration.temperature})</td></tr>
 *   <tr><td>{@code data.conversations.chat}, {@code ...chat.systemPrompt}, {@code ...chat.inferenceConfiguration.topP},
 *       {@code ...chat.rules[0]}, {@code ...chat.tools[1]}, {@code ...chat.handlerFunction}</td>
 *       <td>conversation routes</td></tr>
 *   <tr><td>{@code auth.name}, {@code auth.loginWith}, {@code auth.groups.ADMINS},
 *       {@code auth.passwordPolicy.minLength}, {@code auth.multifactor}, {@code auth.customAttributes.tier},
 *       {@code auth.triggers.PRE_SIGN_UP}, {@code auth.access.fn}, {@code auth.externalLogin.callbackUrls[0]},
 *       {@code auth.externalLogin.providers.Google}</td><td>auth</td></tr>
 *   <tr><td>{@code storage}, {@code storage.media}, {@code storage.media.corsOrigins[0]},
 *       {@code storage.media.onUpload}, {@code storage.media.access["photos/*"]},
 *       {@code storage.media.access["photos/*"].rules[0]}</td><td>storage (the bare {@code storage} place is
 *       for problems between buckets, such as the default bucket)</td></tr>
 *   <tr><td>{@code functions.recommend}, {@code functions.recommend.timeoutSeconds},
 *       {@code functions.recommend.environment.1BAD}, {@code functions.recommend.secrets.KEY},
 *       {@code functions.recommend.layers[0]}, {@code functions.recommend.schedules[0]},
 *       {@code functions.recommend.code.handlerClass}</td><td>functions</td></tr>
 * </table>
 * Names are used as declared, so a place stays readable even when the name itself is the problem.
 *
 * <p>Messages say what is wrong and how to fix it, name things in backticks, and depend only on the model,
 * so the same definition always yields the same problems in the same order.
 */
public final class BackendValidator {
    private BackendValidator() {}

    /** Every problem in the model; empty when it is valid. */
    public static List<Problem> problems(BackendModel model) {
        Problems problems = new Problems();
        check(model, problems);
        return problems.list();
    }

    /** Throws a {@link ValidationException} listing every problem, if the model has any. */
    public static void validate(BackendModel model) {
        Problems problems = new Problems();
        check(model, problems);
        problems.throwIfAny();
    }

    /** Adds every problem in the model to {@code problems}. */
    public static void check(BackendModel model, Problems problems) {
        Context ctx = new Context(model, problems);
        NameRules.checkResourceName(ctx, "name", "the backend", model.name());
        model.auth().ifPresent(auth -> AuthValidator.check(ctx, auth));
        model.data().ifPresent(data -> DataValidator.check(ctx, data));
        StorageValidator.check(ctx, model.storage());
        FunctionValidator.check(ctx, model);
    }
}
