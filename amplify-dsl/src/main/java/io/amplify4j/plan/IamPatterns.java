package io.amplify4j.plan;

import java.util.Optional;

/**
 * IAM's string matching for resources and {@code StringLike} conditions, over the only policy variable storage
 * paths carry. Kept next to the statements so that the sandbox decides exactly as the cloud's policies would.
 */
final class IamPatterns {
    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;

    private IamPatterns() {}

    /**
     * Whether {@code value} matches {@code pattern}: {@code *} matches any run of characters (slashes included),
     * {@code ?} exactly one, everything else itself; {@link StorageStatement#IDENTITY_ID_VARIABLE} is replaced by
     * the identity id as literal text. Without an identity id, a pattern holding the variable matches nothing, as
     * IAM treats a resource whose variable is missing from the request.
     */
    static boolean matches(String pattern, String value, Optional<String> identityId) {
        int[] compiled = compile(pattern, identityId);
        return compiled != null && globMatches(compiled, value);
    }

    private static int[] compile(String pattern, Optional<String> identityId) {
        String variable = StorageStatement.IDENTITY_ID_VARIABLE;
        int[] out = new int[pattern.length() + identityId.map(String::length).orElse(0) * 2];
        int n = 0;
        int i = 0;
        while (i < pattern.length()) {
            if (pattern.startsWith(variable, i)) {
                if (identityId.isEmpty()) {
                    return null;
                }
                String id = identityId.get();
                if (out.length < n + id.length() + pattern.length()) {
                    out = java.util.Arrays.copyOf(out, n + id.length() + pattern.length());
                }
                for (int k = 0; k < id.length(); k++) {
                    out[n++] = id.charAt(k);
                }
                i += variable.length();
                continue;
            }
            char c = pattern.charAt(i++);
            out[n++] = c == '*' ? ANY_RUN : c == '?' ? ANY_ONE : c;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Classic wildcard matching with backtracking to the last {@code *}: linear in practice. */
    private static boolean globMatches(int[] pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length && (pattern[p] == ANY_ONE || pattern[p] == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length && pattern[p] == ANY_RUN) {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == ANY_RUN) {
            p++;
        }
        return p == pattern.length;
    }
}
