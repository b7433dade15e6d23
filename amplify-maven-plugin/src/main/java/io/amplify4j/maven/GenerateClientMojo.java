package io.amplify4j.maven;

import io.amplify4j.codegen.ClientGenerator;
import io.amplify4j.codegen.CodegenMain;
import io.amplify4j.codegen.CodegenOptions;
import io.amplify4j.codegen.GeneratedSources;
import io.amplify4j.manifest.Manifest;
import io.amplify4j.validate.ValidationException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Generates the typed Java client of a backend into {@code target/generated-sources/amplify} and adds that folder
 * to the project's sources (or test sources).
 *
 * <p>The backend comes from one of:
 * <ul>
 *   <li>{@code definition}: a {@code BackendDefinition} class on the project's dependencies. Generation runs in
 *       {@code generate-sources}, before this project's own classes are compiled, so the class must come from a
 *       dependency: keep the definition in its own module (the usual layout: {@code backend} defines,
 *       {@code client} generates). With {@code classpathScope=test} test-scoped dependencies count too.</li>
 *   <li>{@code manifest}: a manifest JSON file another build wrote ({@code Manifest.writeTo}).</li>
 * </ul>
 *
 * <p>Incremental: files whose content did not change are not rewritten, so an unchanged definition recompiles
 * nothing; files of an earlier generation that are no longer produced are removed.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class GenerateClientMojo extends AbstractMojo {

    /** The {@code BackendDefinition} class to generate from. */
    @Parameter(property = "amplify.definition")
    String definition;

    /** A manifest file to generate from, instead of a definition class. */
    @Parameter(property = "amplify.manifest")
    File manifest;

    /** The package of the generated client. */
    @Parameter(property = "amplify.package", required = true)
    String packageName;

    /** The facade class name; {@code <Backend>Api} when absent. */
    @Parameter(property = "amplify.clientName")
    String clientName;

    /** Where the sources go. */
    @Parameter(property = "amplify.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/amplify")
    File outputDirectory;

    /** {@code compile} or {@code test}: which dependencies the definition class is looked up in. */
    @Parameter(property = "amplify.classpathScope", defaultValue = "compile")
    String classpathScope;

    /** Adds the output to the test sources instead of the main sources. */
    @Parameter(property = "amplify.testSources", defaultValue = "false")
    boolean testSources;

    /** Skips generation. */
    @Parameter(property = "amplify.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("amplify: generation skipped");
            return;
        }
        if ((definition == null) == (manifest == null)) {
            throw new MojoFailureException("Configure exactly one of <definition> (a BackendDefinition class)"
                    + " and <manifest> (a manifest JSON file) for amplify:generate");
        }
        CodegenOptions options;
        try {
            options = new CodegenOptions(packageName, Optional.ofNullable(clientName));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("amplify:generate: " + e.getMessage(), e);
        }
        try {
            GeneratedSources sources = definition != null
                    ? generateFromDefinition(options)
                    : ClientGenerator.generate(Manifest.read(manifest.toPath()), options);
            GeneratedSources.WriteResult result = sources.writeTo(outputDirectory.toPath());
            getLog().info("amplify: " + result.written().size() + " written, " + result.unchanged().size()
                    + " unchanged, " + result.deleted().size() + " deleted in " + outputDirectory);
        } catch (ValidationException | IllegalArgumentException e) {
            throw new MojoFailureException("amplify:generate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("amplify:generate cannot read or write: " + e, e);
        }
        if (testSources) {
            project.addTestCompileSourceRoot(outputDirectory.getPath());
        } else {
            project.addCompileSourceRoot(outputDirectory.getPath());
        }
    }

    /** Loads the definition class from the project's dependencies, with this plugin's classes as parent. */
    private GeneratedSources generateFromDefinition(CodegenOptions options) throws MojoExecutionException {
        List<URL> urls = new ArrayList<>();
        try {
            List<String> elements = "test".equals(classpathScope)
                    ? project.getTestClasspathElements()
                    : project.getCompileClasspathElements();
            for (String element : elements) {
                urls.add(new File(element).toURI().toURL());
            }
        } catch (MalformedURLException | org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("amplify:generate cannot resolve the project's class path: " + e, e);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            return ClientGenerator.generate(CodegenMain.loadDefinition(definition, loader), options);
        } catch (IOException e) {
            throw new MojoExecutionException("amplify:generate: " + e, e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
