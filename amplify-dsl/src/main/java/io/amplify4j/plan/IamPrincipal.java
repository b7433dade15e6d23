package io.amplify4j.plan;

import java.util.Objects;

/**
 * An IAM principal of the backend: the identity pool's guest, authenticated and group roles, and the functions'
 * execution roles. One IAM role each in the cloud, one kind of caller each in the sandbox. Storage {@code entity}
 * rules have no principal of their own: like Amplify, they land on the authenticated role (and, by our union
 * stance, on every group role) with the identity's id as an IAM policy variable.
 */
public sealed interface IamPrincipal {

    /** A stable name for logs and golden files, for example {@code group:ADMINS}. */
    String key();

    /** The identity pool's guest role: unauthenticated identities. */
    static IamPrincipal guest() {
        return Guest.INSTANCE;
    }

    /** The identity pool's authenticated role: signed-in users in no group. */
    static IamPrincipal authenticated() {
        return Authenticated.INSTANCE;
    }

    /** The role of a user pool group, assumed by its members. */
    static IamPrincipal group(String name) {
        return new Group(name);
    }

    /** The execution role of a function of the backend. */
    static IamPrincipal function(String name) {
        return new Function(name);
    }

    /** Unauthenticated identity-pool identities. */
    record Guest() implements IamPrincipal {
        static final Guest INSTANCE = new Guest();

        @Override
        public String key() {
            return "guest";
        }
    }

    /** Authenticated identity-pool identities whose user is in no group. */
    record Authenticated() implements IamPrincipal {
        static final Authenticated INSTANCE = new Authenticated();

        @Override
        public String key() {
            return "authenticated";
        }
    }

    /** Members of a user pool group (the group with the lowest precedence when a user is in several). */
    record Group(String name) implements IamPrincipal {
        public Group {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String key() {
            return "group:" + name;
        }
    }

    /** A function granted access with {@code allow.resource(fn)}. */
    record Function(String name) implements IamPrincipal {
        public Function {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String key() {
            return "function:" + name;
        }
    }
}
