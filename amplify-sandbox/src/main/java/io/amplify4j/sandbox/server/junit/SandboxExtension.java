package io.amplify4j.sandbox.server.junit;

import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.sandbox.server.Sandbox;
import java.lang.reflect.InvocationTargetException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link SandboxTest}: one sandbox per test class (shared with its nested classes),
 * closed by JUnit when the class is done, data reset before each test when asked, the {@link Sandbox} injected as a
 * parameter.
 */
public final class SandboxExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).resetData()) {
            sandbox(context).resetData();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Sandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sandbox(context);
    }

    private static SandboxTest settings(ExtensionContext context) {
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            Optional<Class<?>> testClass = current.get().getTestClass();
            if (testClass.isPresent()) {
                Optional<SandboxTest> found = AnnotationSupport.findAnnotation(testClass.get(), SandboxTest.class);
                if (found.isPresent()) {
                    return found.get();
                }
            }
            current = current.get().getParent();
        }
        throw new ExtensionConfigurationException("SandboxExtension needs @SandboxTest on the test class");
    }

    /** The sandbox of the outermost class carrying the annotation, started on first use. */
    private static Sandbox sandbox(ExtensionContext context) {
        ExtensionContext owner = context;
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            if (c.get().getTestClass().isPresent() && c.get().getTestMethod().isEmpty()
                    && AnnotationSupport.isAnnotated(c.get().getTestClass().get(), SandboxTest.class)) {
                owner = c.get();
            }
        }
        SandboxTest settings = settings(context);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(Sandbox.class, key -> start(settings), Sandbox.class);
    }

    private static Sandbox start(SandboxTest settings) {
        BackendDefinition definition;
        try {
            definition = settings.definition().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new ExtensionConfigurationException("Cannot create " + settings.definition().getName()
                    + ": it needs a public no-argument constructor", cause);
        }
        Sandbox.Builder builder = Sandbox.builder(definition).port(0).banner(null)
                .queryDepthLimit(settings.queryDepthLimit());
        if (!settings.logRequests()) {
            builder.requestLog(line -> { });
        }
        SecureRandom random = new SecureRandom();
        for (String user : settings.users()) {
            int colon = user.indexOf(':');
            String name = colon < 0 ? user : user.substring(0, colon);
            List<String> groups = colon < 0 ? List.of()
                    : Arrays.stream(user.substring(colon + 1).split(",")).map(String::strip)
                            .filter(g -> !g.isEmpty()).toList();
            byte[] password = new byte[16];
            random.nextBytes(password);
            builder.user(name, HexFormat.of().formatHex(password), groups.toArray(String[]::new));
        }
        return builder.start();
    }
}
