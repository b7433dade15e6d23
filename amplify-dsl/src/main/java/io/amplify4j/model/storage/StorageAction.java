package io.amplify4j.model.storage;

/** What a storage rule grants. {@link #READ} is {@link #GET} plus {@link #LIST} and excludes them in one rule. */
public enum StorageAction {
    READ("read"),
    GET("get"),
    LIST("list"),
    WRITE("write"),
    DELETE("delete");

    private final String amplifyName;

    StorageAction(String amplifyName) {
        this.amplifyName = amplifyName;
    }

    /** The action's name in {@code amplify_outputs.json}. */
    public String amplifyName() {
        return amplifyName;
    }
}
