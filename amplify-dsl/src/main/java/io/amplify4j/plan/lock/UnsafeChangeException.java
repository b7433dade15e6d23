package io.amplify4j.plan.lock;

import io.amplify4j.model.Canonical;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown by synthesis when the plan would replace or delete stateful resources the lock file records. */
public final class UnsafeChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Hazard> hazards;

    public UnsafeChangeException(String lockFile, List<Hazard> hazards) {
        super(message(lockFile, hazards));
        this.hazards = Canonical.list(hazards);
    }

    /** The refused changes, in the order found. */
    public List<Hazard> hazards() {
        return hazards;
    }

    private static String message(String lockFile, List<Hazard> hazards) {
        return "Synthesis refused: " + hazards.size() + (hazards.size() == 1 ? " change" : " changes")
                + " against the lock file " + lockFile + " would lose data.\n"
                + hazards.stream().map(h -> "- " + h).collect(Collectors.joining("\n"))
                + "\nNothing was deployed. Allowances go in DeploymentLock.allow(...); the lock file is updated only"
                + " by an explicit writeLock() after a synthesis that passed.";
    }
}
