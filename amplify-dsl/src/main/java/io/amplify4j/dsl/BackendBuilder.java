package io.amplify4j.dsl;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.Profile;
import io.amplify4j.validate.BackendValidator;
import io.amplify4j.validate.Problems;
import io.amplify4j.validate.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Defines a whole backend: auth, data, storage and functions. {@link #build()} validates the definition and
 * reports every problem at once.
 */
public final class BackendBuilder {
    private final String name;
    private Profile profile = Profile.SANDBOX;
    private AuthBuilder auth;
    private DataBuilder data;
    private final List<StorageBuilder> storage = new ArrayList<>();
    private final List<FunctionBuilder> functions = new ArrayList<>();

    BackendBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** How stateful resources are protected: {@code SANDBOX} (the default) or {@code PRODUCTION}. */
    public BackendBuilder profile(Profile newProfile) {
        this.profile = Objects.requireNonNull(newProfile, "newProfile");
        return this;
    }

    /** The backend's auth, created on first use. */
    public AuthBuilder auth() {
        if (auth == null) {
            auth = new AuthBuilder(this);
        }
        return auth;
    }

    /** Configures the backend's auth. */
    public BackendBuilder auth(Consumer<AuthBuilder> configure) {
        configure.accept(auth());
        return this;
    }

    /** The backend's GraphQL API, created on first use. */
    public DataBuilder data() {
        if (data == null) {
            data = new DataBuilder(this);
        }
        return data;
    }

    /** Configures the backend's GraphQL API. */
    public BackendBuilder data(Consumer<DataBuilder> configure) {
        configure.accept(data());
        return this;
    }

    /** Declares a bucket and returns its builder. */
    public StorageBuilder storage(String storageName) {
        StorageBuilder bucket = new StorageBuilder(this, storageName);
        storage.add(bucket);
        return bucket;
    }

    /** Declares a bucket configured by {@code configure}. */
    public BackendBuilder storage(String storageName, Consumer<StorageBuilder> configure) {
        configure.accept(storage(storageName));
        return this;
    }

    /** Declares a function configured by {@code configure} and returns its handle. */
    public FunctionRef function(String functionName, Consumer<FunctionBuilder> configure) {
        FunctionBuilder function = new FunctionBuilder(functionName);
        configure.accept(function);
        functions.add(function);
        FunctionRef ref = new FunctionRef(this, functionName);
        return ref;
    }

    /**
     * The validated model of this backend.
     *
     * @throws ValidationException listing every problem, when the definition has any
     */
    public BackendModel build() {
        Problems problems = new Problems();
        BackendModel model = toModel(problems);
        BackendValidator.check(model, problems);
        problems.throwIfAny();
        return model;
    }

    private BackendModel toModel(Problems problems) {
        return new BackendModel(
                name,
                profile,
                Optional.ofNullable(auth).map(a -> a.toDefinition(problems)),
                Optional.ofNullable(data).map(d -> d.toDefinition(problems)),
                storage.stream().map(s -> s.toDefinition(problems)).toList(),
                functions.stream().map(f -> f.toDefinition(problems)).toList());
    }
}
