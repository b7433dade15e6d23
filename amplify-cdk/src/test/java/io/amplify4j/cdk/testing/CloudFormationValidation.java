package io.amplify4j.cdk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awscdk.CloudFormationValidatePlugin;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyValidationStack;
import software.amazon.awscdk.PolicyViolatingResource;
import software.amazon.awscdk.PolicyViolation;
import software.constructs.IConstruct;

/**
 * aws-cdk-lib's built-in CloudFormation validation ({@link CloudFormationValidatePlugin}, what {@code app.synth()}
 * runs by default) over <em>every</em> template of a cloud assembly, nested stacks included.
 *
 * <p>Why: registered on an App, the plugin validates only the templates of top-level stacks, so a malformed resource
 * in a nested stack (where our model shards and categories live) passes unseen. Here the same plugin is called
 * directly with each template file, and every violation of any severity is returned.
 */
public final class CloudFormationValidation {
    private CloudFormationValidation() {}

    /** The templates of {@code assemblyDirectory}: top-level ({@code *.template.json}) and nested ones, sorted. */
    public static List<Path> templates(Path assemblyDirectory) {
        try (Stream<Path> files = Files.list(assemblyDirectory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".template.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation in {@code templates}, one line each: rule, severity, template, resource and message. */
    public static List<String> violations(IConstruct app, List<Path> templates) {
        List<PolicyValidationStack> stacks = templates.stream()
                .map(t -> PolicyValidationStack.builder()
                        .stackConstructPath(t.getFileName().toString())
                        .templatePath(t.toAbsolutePath().toString())
                        .build())
                .toList();
        PolicyValidationPluginReport report = new CloudFormationValidatePlugin().validate(new IPolicyValidationContext() {
            @Override
            public IConstruct getAppConstruct() {
                return app;
            }

            @Override
            public List<PolicyValidationStack> getStackTemplates() {
                return stacks;
            }

            @Override
            public List<String> getTemplatePaths() {
                return stacks.stream().map(PolicyValidationStack::getTemplatePath).toList();
            }
        });
        List<String> lines = new ArrayList<>();
        for (PolicyViolation violation : report.getViolations()) {
            for (PolicyViolatingResource resource : violation.getViolatingResources()) {
                lines.add(violation.getRuleName() + " " + violation.getSeverity() + " "
                        + Path.of(resource.getTemplatePath()).getFileName() + " "
                        + (resource.getResourceLogicalId() != null ? resource.getResourceLogicalId() : "(template)")
                        + ": " + violation.getDescription());
            }
        }
        return lines;
    }
}
