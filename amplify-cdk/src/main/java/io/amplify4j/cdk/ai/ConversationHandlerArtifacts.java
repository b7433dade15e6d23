package io.amplify4j.cdk.ai;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.plan.AiRoutes;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Checks, before anything is built, that each conversation route's handler function can run in Lambda: its Java
 * artifact (jar or class directory) exists, holds the handler class, and, when the handler is the library's own
 * {@value #LIBRARY_HANDLER}, also holds that class's dependencies (Lambda runs only what the artifact holds, so
 * {@code amplify-client}'s plain jar or class directory would deploy and then fail every turn with
 * {@code NoClassDefFoundError}).
 *
 * <p>The problems name the route, the function and the fix; {@code AmplifyBackend} refuses to synthesize while there
 * are any.
 */
public final class ConversationHandlerArtifacts {
    /** The generic conversation handler of {@code amplify-client} (the default handler functions' class). */
    public static final String LIBRARY_HANDLER = AiRoutes.DEFAULT_HANDLER_CLASS;

    /** A class of a dependency {@link #LIBRARY_HANDLER} cannot run without (Jackson, which reads every event). */
    static final String DEPENDENCY_CLASS = "com.fasterxml.jackson.databind.ObjectMapper";

    private static final String FIX = "Build a jar holding the handler with its dependencies (for example with "
            + "maven-shade-plugin, as samples/shop does for its functions) before synthesis, and declare it with "
            + "backend.function(name, fn -> fn.javaHandler(\"" + LIBRARY_HANDLER + "\", Path.of(\"target/<jar>\")))"
            + " and .handler(fn) on the conversation; relative paths are resolved against the project directory ";

    private ConversationHandlerArtifacts() {}

    /** Every problem with the conversation handlers of {@code plan}, as {@code place: problem. fix}. */
    public static List<String> problems(BackendPlan plan, Path projectDirectory) {
        List<String> problems = new ArrayList<>();
        BackendModel model = plan.model();
        Optional<DataPlan> data = plan.data();
        if (data.isEmpty()) {
            return problems;
        }
        for (ConversationHandlers.Handler handler : ConversationHandlers.handlers(data.get())) {
            Optional<FunctionDefinition> function = model.functions().stream()
                    .filter(f -> f.name().equals(handler.function())).findFirst();
            if (function.isEmpty() || !(function.get().code() instanceof FunctionCode.Java java)) {
                continue; // a missing function is the model's validation; an asset handler brings its own code
            }
            String prefix = handler.place() + " (handler function `" + handler.function() + "`): ";
            String fix = FIX + projectDirectory.toAbsolutePath().normalize() + ".";
            Path artifact = projectDirectory.resolve(java.artifact()).toAbsolutePath().normalize();
            String handlerClass = java.handlerClass().split("::")[0];
            if (!Files.exists(artifact)) {
                problems.add(prefix + "its Java artifact " + artifact + " does not exist. " + fix);
                continue;
            }
            if (!holds(artifact, handlerClass)) {
                problems.add(prefix + "its Java artifact " + artifact + " does not hold the handler class "
                        + handlerClass + ". " + fix);
                continue;
            }
            if (handlerClass.equals(LIBRARY_HANDLER) && !holds(artifact, DEPENDENCY_CLASS)) {
                problems.add(prefix + "its Java artifact " + artifact + " holds " + LIBRARY_HANDLER + " but not its"
                        + " dependencies (no " + DEPENDENCY_CLASS + "), so every turn would fail in Lambda with"
                        + " NoClassDefFoundError. " + fix);
            }
        }
        return problems;
    }

    /** Fails listing every problem, naming the backend, when there are any. */
    public static void check(BackendPlan plan, Path projectDirectory) {
        BackendModel model = plan.model();
        List<String> problems = problems(plan, projectDirectory);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("AmplifyBackend cannot synthesize backend `" + model.name() + "`:\n- "
                    + String.join("\n- ", problems));
        }
    }

    /** Whether a jar or class directory holds the class. */
    private static boolean holds(Path artifact, String className) {
        String entry = className.replace('.', '/') + ".class";
        if (Files.isDirectory(artifact)) {
            return Files.isRegularFile(artifact.resolve(entry));
        }
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            return zip.getEntry(entry) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
