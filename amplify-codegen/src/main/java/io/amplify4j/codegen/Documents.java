package io.amplify4j.codegen;

import io.amplify4j.plan.OperationShapes.Argument;
import java.util.List;
import java.util.stream.Collectors;

/**
 * GraphQL documents as text: one operation each, named after its field ({@code getTodo} → {@code GetTodo}),
 * every argument passed as a variable of the same name, on one line so the golden files show the wire format.
 */
final class Documents {
    private Documents() {}

    /**
     * {@code query GetTodo($id: ID!) { getTodo(id: $id) { id content } }}.
     *
     * @param keyword query, mutation or subscription
     * @param field the root field
     * @param arguments its arguments
     * @param selection the selection set, with a leading space, or empty for scalars
     */
    static String operation(String keyword, String field, List<Argument> arguments, String selection) {
        String variables = arguments.isEmpty() ? "" : arguments.stream()
                .map(a -> "$" + a.name() + ": " + a.type())
                .collect(Collectors.joining(", ", "(", ")"));
        String passed = arguments.isEmpty() ? "" : arguments.stream()
                .map(a -> a.name() + ": $" + a.name())
                .collect(Collectors.joining(", ", "(", ")"));
        return keyword + " " + operationName(field) + variables + " { " + field + passed + selection + " }";
    }

    /** The operation name of a root field: its name, first letter upper case. */
    static String operationName(String field) {
        return JavaNames.upperFirst(field);
    }

    /** The selection of a connection: its items and the next page's token. */
    static String connection(String itemSelection) {
        return " { items" + itemSelection + " nextToken }";
    }
}
