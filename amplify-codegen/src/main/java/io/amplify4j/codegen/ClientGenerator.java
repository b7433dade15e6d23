package io.amplify4j.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.manifest.Manifest;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.ModelPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Generates the typed Java client of a backend's API from its plan: value types, inputs, a client per model, the
 * custom operations and one facade. The output depends only on the plan and the options, so the same definition
 * always gives byte-identical sources.
 *
 * <pre>{@code
 * GeneratedSources sources = ClientGenerator.generate(BackendPlan.of(new TodoBackend().define()),
 *         CodegenOptions.of("com.example.todo.client"));
 * sources.writeTo(Path.of("target/generated-sources/amplify"));
 * }</pre>
 */
public final class ClientGenerator {
    private ClientGenerator() {}

    /** The client of a planned backend. */
    public static GeneratedSources generate(BackendPlan plan, CodegenOptions options) {
        CodegenContext context = new CodegenContext(plan, options);
        List<TypeSpec> types = new ArrayList<>(new TypesGenerator(context).generate());
        InputsGenerator inputs = new InputsGenerator(context);
        for (ModelPlan model : context.data().models()) {
            CodegenContext.ModelClasses classes = context.classes(model);
            classes.createInput().ifPresent(x -> types.add(inputs.createInput(model)));
            classes.updateInput().ifPresent(x -> types.add(inputs.updateInput(model)));
            types.add(new ModelClientGenerator(context, model).generate());
        }
        OperationsGenerator operations = new OperationsGenerator(context);
        for (Map.Entry<CustomOperation.Type, ClassName> entry : context.operationClasses().entrySet()) {
            types.add(operations.generate(entry.getKey(), entry.getValue()));
        }
        context.conversationsClass().ifPresent(name -> types.add(new ConversationsGenerator(context).generate(name)));
        types.add(new FacadeGenerator(context).generate());
        // Rendering is most of the work and each file is independent, so files render in parallel; the result is
        // sorted, so the output does not depend on the order they finish in.
        List<GeneratedFile> files = new ArrayList<>(types.parallelStream().map(type -> {
            JavaFile file = JavaFile.builder(context.packageName(), type)
                    .addFileComment("$L", context.header())
                    .skipJavaLangImports(true)
                    .indent("    ")
                    .build();
            return new GeneratedFile(context.packageName().replace('.', '/') + "/" + type.name() + ".java",
                    file.toString());
        }).toList());
        files.sort(Comparator.comparing(GeneratedFile::path));
        return new GeneratedSources(files);
    }

    /** The client of a validated backend model. */
    public static GeneratedSources generate(BackendModel model, CodegenOptions options) {
        return generate(BackendPlan.of(model), options);
    }

    /** The client of a backend definition (a class of the project). */
    public static GeneratedSources generate(BackendDefinition definition, CodegenOptions options) {
        return generate(definition.define(), options);
    }

    /** The client of a manifest another build wrote ({@link Manifest#writeTo}). */
    public static GeneratedSources generate(Manifest manifest, CodegenOptions options) {
        return generate(manifest.backend(), options);
    }
}
