package io.amplify4j.plan.lock;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.amplify4j.manifest.Json;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.storage.StorageDefinition;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.GsiPlan;
import io.amplify4j.plan.TablePlan;
import io.amplify4j.model.data.SecondaryIndexDefinition.Projection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lock file's content ({@code amplify4j.lock.json}, committed beside {@code cdk.json}): the stateful shape of the
 * last deployed backend and where each model's resources live. Synthesis compares the current plan's shape
 * against it ({@link LockCheck}) and refuses changes that would lose data.
 *
 * @param version the file format, {@value #VERSION}
 * @param backend the backend's name
 * @param tables the model tables, sorted by model
 * @param buckets the buckets, sorted by storage name
 * @param userPool the user pool, when the backend has auth
 * @param dataPlacement the nested stack (shard number) each model's resources were placed in, by the construct id of
 *     the model's resources; recorded so that adding, removing or reordering models never moves another model
 */
public record Lock(
        int version,
        String backend,
        List<StatefulResource.Table> tables,
        List<StatefulResource.Bucket> buckets,
        Optional<StatefulResource.UserPool> userPool,
        Map<String, Integer> dataPlacement) {

    public static final int VERSION = 1;

    /** The lock file's conventional name, beside {@code cdk.json}. */
    public static final String DEFAULT_FILE_NAME = "amplify4j.lock.json";

    public Lock {
        Objects.requireNonNull(backend, "backend");
        tables = tables.stream().sorted(Comparator.comparing(StatefulResource.Table::model)).toList();
        buckets = buckets.stream().sorted(Comparator.comparing(StatefulResource.Bucket::storage)).toList();
        Objects.requireNonNull(userPool, "userPool");
        dataPlacement = java.util.Collections.unmodifiableMap(new TreeMap<>(dataPlacement));
    }

    /** The stateful shape of {@code plan}, without placements (the CDK layer records them). */
    public static Lock of(BackendPlan plan) {
        List<StatefulResource.Table> tables = new ArrayList<>();
        plan.data().ifPresent(data -> data.tables().forEach(t -> tables.add(table(t, t.model(), t.tableName()))));
        List<StatefulResource.Bucket> buckets = plan.model().storage().stream()
                .map(Lock::bucket)
                .toList();
        return new Lock(VERSION, plan.model().name(), tables, buckets, plan.model().auth().map(Lock::userPool),
                Map.of());
    }

    /** The table of a table plan, under construct id {@code resourceId} and with name {@code tableName}. */
    public static StatefulResource.Table table(TablePlan plan, String resourceId, String tableName) {
        return new StatefulResource.Table(plan.model(), resourceId, tableName, plan.partitionKey(), plan.sortKey(),
                plan.globalSecondaryIndexes().stream().map(Lock::index).toList());
    }

    private static StatefulResource.Index index(GsiPlan gsi) {
        Projection projection = gsi.projection();
        String text = projection.type().name()
                + (projection.nonKeyAttributes().isEmpty() ? "" : " " + String.join(",", projection.nonKeyAttributes()));
        return new StatefulResource.Index(gsi.name(), gsi.partitionKey(), gsi.sortKey(), text);
    }

    private static StatefulResource.Bucket bucket(StorageDefinition storage) {
        return new StatefulResource.Bucket(storage.name(), Optional.empty());
    }

    /**
     * The user pool's fixed settings as the model defines them: users sign in with email and/or phone number
     * (Amplify's username attributes), user names are case insensitive, the sign-in attributes and the standard
     * attributes marked required are required.
     */
    static StatefulResource.UserPool userPool(AuthDefinition auth) {
        List<String> signIn = new ArrayList<>();
        if (auth.loginWithEmail()) {
            signIn.add("email");
        }
        if (auth.loginWithPhone()) {
            signIn.add("phone_number");
        }
        List<String> required = new ArrayList<>(signIn);
        auth.standardAttributes().stream()
                .filter(AuthDefinition.StandardAttribute::required)
                .map(a -> a.attribute().claimName())
                .filter(a -> !required.contains(a))
                .forEach(required::add);
        List<StatefulResource.CustomAttribute> custom = auth.customAttributes().stream()
                .map(a -> new StatefulResource.CustomAttribute(a.name(), a.dataType().name().toLowerCase(Locale.ROOT),
                        a.mutable(), a.min(), a.max()))
                .toList();
        return new StatefulResource.UserPool(auth.name(), signIn, false, required, custom);
    }

    /** The table of a model. */
    public Optional<StatefulResource.Table> table(String model) {
        return tables.stream().filter(t -> t.model().equals(model)).findFirst();
    }

    /** This lock with the tables replaced (construct ids and names as deployed). */
    public Lock withTables(List<StatefulResource.Table> newTables) {
        return new Lock(version, backend, newTables, buckets, userPool, dataPlacement);
    }

    /** This lock with these placements. */
    public Lock withDataPlacement(Map<String, Integer> placement) {
        return new Lock(version, backend, tables, buckets, userPool, placement);
    }

    /** The lock as the file's text: pretty, sorted, ending in a newline. */
    public String toJson() {
        return Json.write(this);
    }

    /** Parses a lock file's text; fails naming the problem when it is not a lock of this version. */
    public static Lock parse(String json, String source) {
        Lock lock;
        try {
            lock = Json.mapper().readValue(json, Lock.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The lock file " + source + " is not valid: "
                    + e.getOriginalMessage() + ". Restore it from version control, or delete it to start a new lock"
                    + " (the next synthesis then checks nothing).", e);
        }
        if (lock.version() != VERSION) {
            throw new IllegalArgumentException("The lock file " + source + " has version " + lock.version()
                    + "; this Amplify4j reads version " + VERSION + ".");
        }
        return lock;
    }

    /** Reads the lock file at {@code path}; empty when there is none (the first deployment). */
    public static Optional<Lock> read(Path path) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(path, StandardCharsets.UTF_8), path.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the lock file " + path, e);
        }
    }

    /** Writes this lock to {@code path} atomically (a temporary file renamed over it). */
    public void write(Path path) {
        try {
            Path absolute = path.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), ".amplify4j-lock", ".tmp");
            Files.writeString(temporary, toJson(), StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the lock file " + path, e);
        }
    }
}
