package io.amplify4j.sandbox.cli;

import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.outputs.AmplifyOutputs;
import io.amplify4j.sandbox.server.Sandbox;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The sandbox's command line: serves a backend definition on 127.0.0.1 until Ctrl+C, prints the endpoint, the API
 * key and how to get tokens, and writes an {@code amplify_outputs.json} that points Amplify's clients at it.
 *
 * <pre>
 * java -cp &lt;classpath with your definition&gt; io.amplify4j.sandbox.cli.SandboxCli \
 *     --definition com.example.MyBackend --data-dir .sandbox --user alice:a-long-password:ADMINS
 * </pre>
 *
 * See {@link #USAGE} for every option. Exit status: 0 after Ctrl+C, 2 for bad arguments or a sandbox that cannot
 * start (a missing class, a busy port, an unwritable directory), with one line saying what and how to fix it.
 */
public final class SandboxCli {
    /** The port used unless {@code --port} says otherwise: stable, so outputs and tokens stay valid. */
    public static final int DEFAULT_PORT = 20002;

    static final String USAGE = """
            Usage: SandboxCli --definition <class> [options]

            Serves a backend definition on 127.0.0.1 as AppSync would (GraphQL over HTTP and the real-time
            WebSocket), with a local user pool and API keys, until Ctrl+C.

            Options:
              --definition <class>   a class implementing io.amplify4j.dsl.BackendDefinition, with a public
                                     no-argument constructor, on the classpath (required)
              --port <port>          the port on 127.0.0.1 (default %d; 0 picks a free one)
              --data-dir <dir>       keep data, users and API keys in this directory across restarts and
                                     crashes (default: in memory, gone when the sandbox stops)
              --outputs <file>       where to write amplify_outputs.json (default ./amplify_outputs.json)
              --region <region>      the region written in the outputs (default %s)
              --user <name>:<password>[:<group>,...]
                                     a user of the local user pool; repeat for more. A password containing ':'
                                     needs the groups part, even empty: alice:pa:ss:
              --help                 this text

            AI routes (generation and conversation) call Amazon Bedrock with the AWS credentials and region of
            the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, and AWS_REGION); the banner
            says whether they are live. Without credentials they answer with an error saying what to configure.
            """.formatted(DEFAULT_PORT, Sandbox.DEFAULT_OUTPUTS_REGION);

    private SandboxCli() {}

    /** Starts the sandbox and serves until the process is stopped. */
    public static void main(String[] args) {
        Outcome outcome = execute(args, System.out, System.err);
        if (outcome.sandbox().isEmpty()) {
            if (outcome.exitCode() != 0) {
                System.exit(outcome.exitCode());
            }
            return;
        }
        Sandbox sandbox = outcome.sandbox().get();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the sandbox.");
            sandbox.close();
            stopped.countDown();
        }, "amplify4j-sandbox-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sandbox.close();
        }
    }

    /**
     * What a run ended with: the started sandbox (the caller stops it), or none and an exit code (0 after
     * {@code --help}, 2 after an error).
     */
    public record Outcome(int exitCode, Optional<Sandbox> sandbox) {}

    /** The options, parsed. */
    record Options(String definition, int port, Optional<Path> dataDirectory, Path outputs, String region,
            List<User> users) {}

    /** A {@code --user}. */
    record User(String name, String password, List<String> groups) {}

    /** Bad input on the command line or at start: the message says what and how to fix it. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses the arguments and starts the sandbox; prints progress to {@code out} and errors to {@code err}. */
    public static Outcome execute(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(USAGE);
            return new Outcome(0, Optional.empty());
        }
        try {
            Options options = parse(args);
            BackendDefinition definition = load(options.definition());
            Sandbox sandbox = start(definition, options, out);
            try {
                AmplifyOutputs outputs = sandbox.outputs(options.region());
                outputs.writeTo(options.outputs());
                out.println("  Outputs:          " + options.outputs().toAbsolutePath().normalize()
                        + " (amplify_outputs.json, schema " + AmplifyOutputs.DEFAULT_VERSION.value() + ")");
            } catch (UncheckedIOException e) {
                sandbox.close();
                throw new UsageException(e.getMessage());
            }
            printUsers(sandbox, options.users(), out);
            out.println("Press Ctrl+C to stop.");
            out.flush();
            return new Outcome(0, Optional.of(sandbox));
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run with --help for usage.");
            err.flush();
            return new Outcome(2, Optional.empty());
        }
    }

    static Options parse(String[] args) throws UsageException {
        String definition = null;
        int port = DEFAULT_PORT;
        Optional<Path> dataDirectory = Optional.empty();
        Path outputs = Path.of("amplify_outputs.json");
        String region = Sandbox.DEFAULT_OUTPUTS_REGION;
        List<User> users = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "--definition", "--port", "--data-dir", "--outputs", "--region", "--user" -> {
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new UsageException(name + " needs a value.");
                        }
                        value = args[++i];
                    }
                }
                default -> throw new UsageException("unknown option `" + arg + "`.");
            }
            switch (name) {
                case "--definition" -> definition = value;
                case "--port" -> port = port(value);
                case "--data-dir" -> dataDirectory = Optional.of(Path.of(value));
                case "--outputs" -> outputs = Path.of(value);
                case "--region" -> region = nonBlank(name, value);
                default -> users.add(user(value));
            }
        }
        if (definition == null) {
            throw new UsageException("--definition <class> is required: the class of your BackendDefinition, "
                    + "for example --definition com.example.TodoBackend.");
        }
        return new Options(definition, port, dataDirectory, outputs, region, users);
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--port must be a number from 0 to 65535; got `" + value + "`.");
    }

    private static String nonBlank(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option + " must not be empty.");
        }
        return value;
    }

    static User user(String value) throws UsageException {
        int first = value.indexOf(':');
        if (first <= 0 || first == value.length() - 1) {
            throw new UsageException("--user must be <name>:<password>[:<group>,...]; got `" + value + "`.");
        }
        String name = value.substring(0, first);
        String rest = value.substring(first + 1);
        int last = rest.lastIndexOf(':');
        String password = last < 0 ? rest : rest.substring(0, last);
        List<String> groups = new ArrayList<>();
        if (last >= 0) {
            for (String group : rest.substring(last + 1).split(",")) {
                if (!group.isBlank()) {
                    groups.add(group.strip());
                }
            }
        }
        if (password.isEmpty()) {
            throw new UsageException("--user `" + name + "` has an empty password.");
        }
        return new User(name, password, groups);
    }

    static BackendDefinition load(String className) throws UsageException {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("--definition " + className + ": no such class on the classpath. Check the "
                    + "name (with its package) and that the module holding it is compiled and on the classpath.");
        }
        if (!BackendDefinition.class.isAssignableFrom(type)) {
            throw new UsageException("--definition " + className + " is not a " + BackendDefinition.class.getName()
                    + ". Name the class that implements it.");
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            if (Modifier.isAbstract(type.getModifiers())) {
                throw new NoSuchMethodException("abstract");
            }
            return (BackendDefinition) constructor.newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new UsageException("--definition " + className + " needs a public no-argument constructor, and "
                    + "must be a public, non-abstract class.");
        } catch (InvocationTargetException e) {
            throw new UsageException("--definition " + className + " failed in its constructor: "
                    + e.getCause());
        }
    }

    private static Sandbox start(BackendDefinition definition, Options options, PrintStream out)
            throws UsageException {
        Sandbox.Builder builder;
        try {
            builder = Sandbox.builder(definition);
        } catch (RuntimeException e) {
            throw new UsageException("--definition " + definition.getClass().getName() + " is not a valid backend:\n"
                    + e.getMessage());
        }
        builder.port(options.port())
                .banner(out)
                .requestLog(line -> {
                    synchronized (out) {
                        out.println("[sandbox] " + line);
                    }
                });
        options.dataDirectory().ifPresent(builder::dataDirectory);
        for (User user : options.users()) {
            builder.user(user.name(), user.password(), user.groups().toArray(String[]::new));
        }
        try {
            return builder.start();
        } catch (RuntimeException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void printUsers(Sandbox sandbox, List<User> users, PrintStream out) {
        if (users.isEmpty() || sandbox.userPool().isEmpty()) {
            return;
        }
        out.println("  Users:            " + String.join(", ", users.stream().map(u -> u.groups().isEmpty()
                ? u.name() : u.name() + " (" + String.join(",", u.groups()) + ")").toList()));
        User first = users.get(0);
        out.println("  Sign in as " + first.name() + ":");
        out.println("    curl -s " + sandbox.baseUri() + "/__sandbox/sign-in -H 'content-type: application/json'"
                + " -d '{\"username\":\"" + first.name() + "\",\"password\":\"" + first.password() + "\"}'");
    }
}
