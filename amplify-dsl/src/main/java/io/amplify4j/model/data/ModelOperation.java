package io.amplify4j.model.data;

import java.util.List;

/**
 * The operations an authorization rule can be limited to with {@code .to(...)}.
 *
 * <p>{@link #READ} stands for {@link #GET}, {@link #LIST}, {@link #LISTEN}, {@link #SYNC} and {@link #SEARCH};
 * field-level rules accept only {@link #CREATE}, {@link #UPDATE}, {@link #DELETE} and {@link #READ}.
 * {@link #SYNC} and {@link #SEARCH} are accepted for parity with Amplify but grant nothing: no sync or
 * search operation is generated.
 */
public enum ModelOperation {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete"),
    READ("read"),
    GET("get"),
    LIST("list"),
    LISTEN("listen"),
    SYNC("sync"),
    SEARCH("search");

    private final String amplifyName;

    ModelOperation(String amplifyName) {
        this.amplifyName = amplifyName;
    }

    /** The name Amplify's {@code @auth} directive uses. */
    public String amplifyName() {
        return amplifyName;
    }

    /** True for the operations {@link #READ} stands for. */
    public boolean isGranularRead() {
        return this == GET || this == LIST || this == LISTEN || this == SYNC || this == SEARCH;
    }

    /** The operations a rule without {@code .to(...)} covers. */
    public static List<ModelOperation> all() {
        return List.of(CREATE, UPDATE, DELETE, READ);
    }
}
