package io.amplify4j.codegen;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java names for GraphQL names. A GraphQL name may be a Java keyword ({@code class}, {@code default}), a name a
 * record may not use as a component ({@code hashCode}) or collide with another name once converted
 * ({@code fooBar} and {@code foo_bar} both give the constant {@code FOO_BAR}); every name the generator writes comes
 * from here, and a {@link Scope} hands out each name once.
 */
final class JavaNames {
    /** Names a record component may not have (JLS 8.10.1), plus names our generated members use. */
    private static final Set<String> RESERVED_MEMBERS = Set.of("clone", "finalize", "getClass", "hashCode",
            "notify", "notifyAll", "toString", "wait", "equals");

    private JavaNames() {}

    /** A valid Java identifier for a member (field, method, parameter) named {@code graphqlName}. */
    static String member(String graphqlName) {
        String name = graphqlName;
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name, SourceVersion.RELEASE_17)
                || name.equals("_") || RESERVED_MEMBERS.contains(name)) {
            name = name + "_";
        }
        return name;
    }

    /** A valid Java type name for a GraphQL type name. */
    static String type(String graphqlName) {
        String name = upperFirst(graphqlName);
        if (SourceVersion.isKeyword(name, SourceVersion.RELEASE_17) || name.equals("_")) {
            name = name + "_";
        }
        return name;
    }

    /** {@code createdAt} → {@code CREATED_AT}; {@code fooBar} and {@code foo_bar} both → {@code FOO_BAR}. */
    static String constant(String graphqlName) {
        StringBuilder out = new StringBuilder();
        char previous = 0;
        for (char c : graphqlName.toCharArray()) {
            if (Character.isUpperCase(c) && previous != 0 && (Character.isLowerCase(previous)
                    || Character.isDigit(previous))) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
            previous = c;
        }
        String name = out.toString();
        return SourceVersion.isIdentifier(name) && !name.equals("_") ? name : name + "_";
    }

    static String upperFirst(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    static String lowerFirst(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toLowerCase(Locale.ROOT) + word.substring(1);
    }

    /**
     * Names handed out once within one scope (a class's members, a package's types): a name already taken gets
     * {@code _} appended until it is free. Deterministic, because callers ask in declaration order.
     */
    static final class Scope {
        private final Set<String> taken = new HashSet<>();

        Scope(String... reserved) {
            java.util.Collections.addAll(taken, reserved);
        }

        /** {@code wanted}, or the first free variant of it. */
        String allocate(String wanted) {
            String name = wanted;
            while (!taken.add(name)) {
                name = name + "_";
            }
            return name;
        }

        /** Marks names as taken without allocating them. */
        void reserve(String... names) {
            java.util.Collections.addAll(taken, names);
        }
    }
}
