package io.amplify4j.model.data;

/** Value checks a mutation makes before it writes a field, as Amplify's {@code @validate} directive names them. */
public enum ValidatorKind {
    MIN_LENGTH("minLength"),
    MAX_LENGTH("maxLength"),
    STARTS_WITH("startsWith"),
    ENDS_WITH("endsWith"),
    MATCHES("matches"),
    GT("gt"),
    LT("lt"),
    GTE("gte"),
    LTE("lte");

    private final String directiveName;

    ValidatorKind(String directiveName) {
        this.directiveName = directiveName;
    }

    /** The {@code type} argument of the {@code @validate} directive. */
    public String directiveName() {
        return directiveName;
    }

    /** True for checks on numbers; the others check text. */
    public boolean isNumeric() {
        return this == GT || this == LT || this == GTE || this == LTE;
    }
}
