package io.amplify4j.model.data;

/** The fourteen scalar types of an AppSync schema, with the GraphQL name each renders as. */
public enum ScalarType {
    ID("ID"),
    STRING("String"),
    INT("Int"),
    FLOAT("Float"),
    BOOLEAN("Boolean"),
    DATE("AWSDate"),
    TIME("AWSTime"),
    DATETIME("AWSDateTime"),
    TIMESTAMP("AWSTimestamp"),
    EMAIL("AWSEmail"),
    JSON("AWSJSON"),
    PHONE("AWSPhone"),
    URL("AWSURL"),
    IP_ADDRESS("AWSIPAddress");

    private final String graphqlName;

    ScalarType(String graphqlName) {
        this.graphqlName = graphqlName;
    }

    /** The scalar's name in GraphQL SDL, for example {@code AWSDateTime}. */
    public String graphqlName() {
        return graphqlName;
    }

    /** True for scalars stored as DynamoDB strings and compared as text (everything but numbers, booleans and JSON). */
    public boolean isText() {
        return switch (this) {
            case INT, FLOAT, BOOLEAN, TIMESTAMP, JSON -> false;
            default -> true;
        };
    }

    /** True for scalars stored as DynamoDB numbers. */
    public boolean isNumeric() {
        return this == INT || this == FLOAT || this == TIMESTAMP;
    }
}
