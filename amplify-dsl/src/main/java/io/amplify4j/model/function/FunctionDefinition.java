package io.amplify4j.model.function;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.Objects;
import java.util.Map;

/**
 * A Lambda function.
 *
 * @param name the function's name, unique in the backend
 * @param code the handler and the code that holds it
 * @param memoryMb 128 to 10240
 * @param timeoutSeconds 1 to 900
 * @param ephemeralStorageMb 512 to 10240
 * @param architecture the instruction set
 * @param environment plain environment variables, sorted by name
 * @param secrets environment names bound to secrets read at run time by name, sorted by name
 * @param schedules when the function runs on its own
 * @param layers Lambda layers by ARN, at most five
 * @param snapStart SnapStart for Java handlers (on by default)
 * @param logRetentionDays how long its log group keeps logs
 */
public record FunctionDefinition(
        String name,
        FunctionCode code,
        int memoryMb,
        int timeoutSeconds,
        int ephemeralStorageMb,
        Architecture architecture,
        Map<String, String> environment,
        Map<String, String> secrets,
        List<Schedule> schedules,
        List<String> layers,
        boolean snapStart,
        int logRetentionDays) {

    public static final int DEFAULT_MEMORY_MB = 512;
    public static final int DEFAULT_TIMEOUT_SECONDS = 3;
    public static final int DEFAULT_EPHEMERAL_STORAGE_MB = 512;
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;

    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(architecture, "architecture");
        environment = Canonical.sortedMap(environment);
        secrets = Canonical.sortedMap(secrets);
        schedules = Canonical.list(schedules);
        layers = Canonical.list(layers);
    }

    /** The instruction set a function runs on. */
    public enum Architecture {
        X86_64,
        ARM_64
    }
}
