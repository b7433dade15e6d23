package io.amplify4j.codegen;

/** Definition descriptions as javadoc text: HTML and comment delimiters escaped, so any text is safe. */
final class Javadoc {
    private Javadoc() {}

    static String text(String description) {
        return description.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;").replace("$", "$$");
    }
}
