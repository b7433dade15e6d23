package io.amplify4j.client.filter;

import io.amplify4j.testing.SnippetCompiler;
import java.util.List;

/** Compiles snippets using the filter API against the test class path, to prove that misuse does not compile. */
final class JavaSnippets {
    private static final String IMPORTS = String.join("\n",
            "import io.amplify4j.client.filter.*;",
            "import java.time.*;",
            "import java.util.List;");

    private JavaSnippets() {}

    /** The compiler's error messages for {@code statements} placed in a method body; empty when it compiles. */
    static List<String> errors(String statements) throws Exception {
        String source = IMPORTS + "\nclass Snippet {\n  void use() {\n" + statements + "\n  }\n"
                + "  static void listTodos(ModelFilter<Item> filter) {}\n"
                + "  static void updateItem(ModelCondition<Item> condition) {}\n"
                + "  static void onCreateItem(SubscriptionFilter<Item> filter) {}\n"
                + "}\n";
        return SnippetCompiler.problems(source, SnippetCompiler.Strictness.WARNINGS);
    }
}
