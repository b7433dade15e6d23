package io.amplify4j.sandbox.server.junit;

import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.sandbox.server.Sandbox;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a sandbox of {@link #definition()}, started once for the class on a random port of
 * 127.0.0.1 and stopped after it. Test methods and constructors receive the {@link Sandbox} as a parameter: its
 * endpoint, API key, and tokens for the named {@link #users()}.
 *
 * <pre>{@code
 * @SandboxTest(definition = TodoBackend.class, users = {"alice", "bob:Admins"}, resetData = true)
 * class TodoApiTest {
 *     @Test
 *     void createsATodo(Sandbox sandbox) {
 *         String token = sandbox.idToken("alice");
 *         // POST sandbox.graphqlEndpoint() with Authorization: token
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SandboxExtension.class)
public @interface SandboxTest {
    /** The backend to serve; it needs a public no-argument constructor. */
    Class<? extends BackendDefinition> definition();

    /** Users created at start: {@code "alice"}, or with groups {@code "bob:Admins,Staff"}. */
    String[] users() default {};

    /** Delete all data before each test. */
    boolean resetData() default false;

    /** The query depth limit. */
    int queryDepthLimit() default Sandbox.DEFAULT_QUERY_DEPTH_LIMIT;

    /** Print a line per request to standard output. */
    boolean logRequests() default true;
}
