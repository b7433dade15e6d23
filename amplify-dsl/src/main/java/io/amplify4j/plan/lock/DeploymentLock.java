package io.amplify4j.plan.lock;

import io.amplify4j.model.Canonical;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the lock file is and which refused changes are allowed this time. Given to the CDK constructs, which read
 * the lock before synthesizing, refuse what {@link LockCheck} finds, and write the lock only when asked (an
 * explicit {@code writeLock()} after a synthesis that passed).
 *
 * @param path the lock file, conventionally {@value Lock#DEFAULT_FILE_NAME} beside {@code cdk.json}
 * @param allowances changes allowed in this deployment; remove them once it is deployed
 */
public record DeploymentLock(Path path, List<Allowance> allowances) {

    public DeploymentLock {
        Objects.requireNonNull(path, "path");
        allowances = Canonical.list(allowances);
    }

    /** The lock file at {@code path}, nothing allowed. */
    public static DeploymentLock at(Path path) {
        return new DeploymentLock(path, List.of());
    }

    /** {@value Lock#DEFAULT_FILE_NAME} in the working directory (where {@code cdk.json} is when the CDK CLI runs). */
    public static DeploymentLock inWorkingDirectory() {
        return at(Path.of(Lock.DEFAULT_FILE_NAME));
    }

    /** This lock with more allowed changes. */
    public DeploymentLock allow(Allowance... more) {
        List<Allowance> all = new ArrayList<>(allowances);
        all.addAll(Arrays.asList(more));
        return new DeploymentLock(path, all);
    }

    /** The lock file's content; empty before the first deployment. */
    public Optional<Lock> read() {
        return Lock.read(path);
    }

    /** Throws {@link UnsafeChangeException} listing every change from {@code previous} to {@code current} not allowed. */
    public void check(Lock previous, Lock current) {
        List<Hazard> hazards = LockCheck.compare(previous, current, allowances);
        if (!hazards.isEmpty()) {
            throw new UnsafeChangeException(path.toString(), hazards);
        }
    }
}
