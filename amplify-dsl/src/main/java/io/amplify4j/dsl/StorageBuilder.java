package io.amplify4j.dsl;

import io.amplify4j.model.storage.StorageDefinition;
import io.amplify4j.model.storage.StorageDefinition.AccessRule;
import io.amplify4j.model.storage.StorageDefinition.PathAccess;
import io.amplify4j.validate.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An S3 bucket. Nothing in it is accessible unless an {@link #access} rule grants it; public access is always
 * blocked, TLS enforced and objects encrypted.
 */
public final class StorageBuilder {
    private final BackendBuilder backend;
    private final String name;
    private final Map<String, Function<StorageAllow, List<StorageRule>>> access = new LinkedHashMap<>();
    private final List<String> corsOrigins = new ArrayList<>();
    private boolean isDefault;
    private boolean versioned;
    private FunctionRef onUpload;
    private FunctionRef onDelete;

    StorageBuilder(BackendBuilder backend, String name) {
        this.backend = backend;
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** The default bucket, which clients use when they name none; required when there is more than one. */
    public StorageBuilder isDefault() {
        this.isDefault = true;
        return this;
    }

    /** Keeps every version of every object. */
    public StorageBuilder versioned() {
        this.versioned = true;
        return this;
    }

    /** Origins browsers may upload and download from, for example {@code https://shop.example.com}. */
    public StorageBuilder corsOrigins(String... origins) {
        corsOrigins.addAll(Arrays.asList(origins));
        return this;
    }

    /**
     * Who may do what under {@code path}, a prefix ending in {@code /*}; {@code {entity_id}} stands for the
     * caller's identity id. Example:
     * {@code .access("media/{entity_id}/*", allow -> List.of(allow.entity().to(READ, WRITE, DELETE)))}.
     */
    public StorageBuilder access(String path, Function<StorageAllow, List<StorageRule>> rules) {
        access.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(rules, "rules"));
        return this;
    }

    /** Runs {@code function} when an object is created. */
    public StorageBuilder onUpload(FunctionRef function) {
        this.onUpload = Objects.requireNonNull(function, "function");
        return this;
    }

    /** Runs {@code function} when an object is removed. */
    public StorageBuilder onDelete(FunctionRef function) {
        this.onDelete = Objects.requireNonNull(function, "function");
        return this;
    }

    StorageDefinition toDefinition(Problems problems) {
        String place = "storage." + name;
        List<PathAccess> paths = new ArrayList<>();
        access.forEach((path, rules) -> {
            String pathPlace = place + ".access[\"" + path + "\"]";
            List<AccessRule> accessRules = rules.apply(new StorageAllow()).stream()
                    .map(rule -> rule.toModel(backend, pathPlace, problems))
                    .toList();
            paths.add(new PathAccess(path, accessRules));
        });
        for (FunctionRef trigger : new FunctionRef[] {onUpload, onDelete}) {
            if (trigger != null) {
                trigger.checkSameBackend(backend, place, problems);
            }
        }
        return new StorageDefinition(name, isDefault, versioned, corsOrigins, paths,
                Optional.ofNullable(onUpload).map(FunctionRef::name),
                Optional.ofNullable(onDelete).map(FunctionRef::name));
    }
}
