package io.amplify4j.plan;

import java.util.List;
import java.util.Optional;

/** Small SDL text helpers: quoting and blocks, so the renderer never hand-escapes text. */
final class Sdl {
    private Sdl() {}

    /** A GraphQL string literal. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A description line at the given indentation, when there is a description. */
    static void description(StringBuilder out, Optional<String> description, String indent) {
        description.ifPresent(d -> out.append(indent).append(string(d)).append('\n'));
    }

    /** A type block: {@code keyword Name directives { lines }} followed by a blank line; lines are indented here. */
    static String block(String keyword, String name, String directives, Optional<String> description, List<String> lines) {
        StringBuilder out = new StringBuilder();
        description(out, description, "");
        out.append(keyword).append(' ').append(name).append(directives).append(" {\n");
        for (String line : lines) {
            out.append("  ").append(line).append('\n');
        }
        return out.append("}\n\n").toString();
    }
}
