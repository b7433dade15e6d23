package io.amplify4j.sandbox.js;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ctx.info}: the field being resolved.
 *
 * @param fieldName the field, for example {@code getTodo}
 * @param parentTypeName its type, for example {@code Query}
 * @param variables the GraphQL request's variables
 * @param selectionSetList the selected fields as AppSync lists them ({@code items}, {@code items/id}, ...)
 * @param selectionSetGraphQL the selection set as GraphQL text
 */
public record ResolverInfo(
        String fieldName,
        String parentTypeName,
        Map<String, Object> variables,
        List<String> selectionSetList,
        String selectionSetGraphQL) {
    public ResolverInfo {
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(parentTypeName, "parentTypeName");
        variables = Json.copyMap(variables);
        selectionSetList = List.copyOf(selectionSetList);
        Objects.requireNonNull(selectionSetGraphQL, "selectionSetGraphQL");
    }

    /** A field with no variables and an empty selection set. */
    public static ResolverInfo of(String parentTypeName, String fieldName) {
        return new ResolverInfo(fieldName, parentTypeName, Map.of(), List.of(), "");
    }
}
