package io.amplify4j.dsl;

import io.amplify4j.model.auth.SecretRef;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.model.function.FunctionDefinition.Architecture;
import io.amplify4j.model.function.Schedule;
import io.amplify4j.validate.Problems;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Lambda function. A Java handler is the first-class case: name the handler class and the jar or build output
 * holding it. Node.js and Python handlers come from an asset folder.
 */
public final class FunctionBuilder {
    private final String name;
    private FunctionCode code;
    private FunctionCode.JavaRuntime javaRuntime = FunctionCode.JavaRuntime.JAVA_21;
    private int memoryMb = FunctionDefinition.DEFAULT_MEMORY_MB;
    private int timeoutSeconds = FunctionDefinition.DEFAULT_TIMEOUT_SECONDS;
    private int ephemeralStorageMb = FunctionDefinition.DEFAULT_EPHEMERAL_STORAGE_MB;
    private Architecture architecture = Architecture.X86_64;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<Schedule> schedules = new ArrayList<>();
    private final List<String> layers = new ArrayList<>();
    private boolean snapStart = true;
    private int logRetentionDays = FunctionDefinition.DEFAULT_LOG_RETENTION_DAYS;

    FunctionBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * A Java handler class and the jar file or class directory that holds it (with its dependencies).
     *
     * @param handlerClass the fully qualified name of a class implementing a Lambda request handler
     * @param artifact the jar or build output directory, relative to the project directory or absolute
     */
    public FunctionBuilder javaHandler(String handlerClass, Path artifact) {
        this.code = new FunctionCode.Java(Objects.requireNonNull(handlerClass, "handlerClass"),
                normalize(Objects.requireNonNull(artifact, "artifact")), javaRuntime);
        return this;
    }

    /** A Java handler class, packaged from wherever the class was loaded (its jar or class directory). */
    public FunctionBuilder javaHandler(Class<?> handlerClass) {
        Path location;
        try {
            location = Path.of(handlerClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("Cannot tell where " + handlerClass.getName()
                    + " was loaded from; use javaHandler(className, artifactPath) instead.", e);
        }
        return javaHandler(handlerClass.getName(), location);
    }

    /** The Java runtime ({@code java21} by default). */
    public FunctionBuilder javaRuntime(FunctionCode.JavaRuntime runtime) {
        this.javaRuntime = Objects.requireNonNull(runtime, "runtime");
        if (code instanceof FunctionCode.Java java) {
            code = new FunctionCode.Java(java.handlerClass(), java.artifact(), runtime);
        }
        return this;
    }

    /**
     * A Node.js or Python handler from an asset folder.
     *
     * @param directory the folder holding the code
     * @param handler the handler, for example {@code index.handler}
     * @param runtime the runtime
     */
    public FunctionBuilder assetHandler(Path directory, String handler, FunctionCode.AssetRuntime runtime) {
        this.code = new FunctionCode.Asset(normalize(directory), handler, runtime);
        return this;
    }

    /** Memory in MB, 128 to 10240; 512 by default. */
    public FunctionBuilder memoryMb(int megabytes) {
        this.memoryMb = megabytes;
        return this;
    }

    /** Timeout in seconds, 1 to 900; 3 by default. */
    public FunctionBuilder timeoutSeconds(int seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** Size of {@code /tmp} in MB, 512 to 10240. */
    public FunctionBuilder ephemeralStorageMb(int megabytes) {
        this.ephemeralStorageMb = megabytes;
        return this;
    }

    public FunctionBuilder architecture(Architecture instructionSet) {
        this.architecture = Objects.requireNonNull(instructionSet, "instructionSet");
        return this;
    }

    /** A plain environment variable. Never put secrets here: use {@link #secret}. */
    public FunctionBuilder environment(String variable, String value) {
        environment.put(Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Makes a secret available under {@code variable}, resolved by name at run time, never stored in plain text. */
    public FunctionBuilder secret(String variable, SecretRef secret) {
        secrets.put(Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(secret, "secret").name());
        return this;
    }

    /** Runs every {@code amount} {@code unit}s (UTC). */
    public FunctionBuilder scheduleEvery(int amount, Schedule.RateUnit unit) {
        schedules.add(new Schedule(new Schedule.Rate(amount, unit), "UTC"));
        return this;
    }

    /** Runs on a cron expression of 5 fields (minute hour day-of-month month day-of-week) in {@code timeZone}. */
    public FunctionBuilder scheduleCron(String expression, String timeZone) {
        schedules.add(new Schedule(new Schedule.Cron(expression), timeZone));
        return this;
    }

    /** A Lambda layer by ARN; at most five. */
    public FunctionBuilder layer(String arn) {
        layers.add(Objects.requireNonNull(arn, "arn"));
        return this;
    }

    /** Turns SnapStart off for a Java handler (it is on by default to cut cold starts). */
    public FunctionBuilder withoutSnapStart() {
        this.snapStart = false;
        return this;
    }

    /** How many days the function's logs are kept; 30 by default. */
    public FunctionBuilder logRetentionDays(int days) {
        this.logRetentionDays = days;
        return this;
    }

    private static String normalize(Path path) {
        return path.normalize().toString().replace('\\', '/');
    }

    FunctionDefinition toDefinition(Problems problems) {
        FunctionCode functionCode = code;
        if (functionCode == null) {
            problems.add("functions." + name, "Function `" + name + "` has no code. Call javaHandler(...) or"
                    + " assetHandler(...).");
            functionCode = new FunctionCode.Java("", "", javaRuntime);
        }
        return new FunctionDefinition(name, functionCode, memoryMb, timeoutSeconds, ephemeralStorageMb,
                architecture, environment, secrets, schedules, layers,
                snapStart && functionCode instanceof FunctionCode.Java, logRetentionDays);
    }
}
