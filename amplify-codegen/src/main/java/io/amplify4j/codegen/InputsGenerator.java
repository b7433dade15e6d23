package io.amplify4j.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.OperationShapes.InputField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The mutation inputs of a model. {@code CreateXInput} is a record with a staged builder: the required fields
 * first, in field order, then the optional ones in any order. {@code UpdateXInput}'s builder remembers which
 * setters were called, so that {@code content(null)} sends an explicit null and an untouched field is left out.
 * Both builders' {@code build()} report every problem at once.
 */
final class InputsGenerator {
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName ARRAY_LIST = ClassName.get(ArrayList.class);
    private final CodegenContext context;

    InputsGenerator(CodegenContext context) {
        this.context = context;
    }

    /** A field of an input with its Java name. */
    private record Member(InputField field, String javaName, TypeName type) {}

    private List<Member> members(List<InputField> fields, JavaNames.Scope scope) {
        return fields.stream().map(f -> new Member(f, scope.allocate(JavaNames.member(f.name())),
                context.javaType(f.type()))).toList();
    }

    // ---- create ------------------------------------------------------------------------------------------

    TypeSpec createInput(ModelPlan model) {
        ClassName name = context.classes(model).createInput().orElseThrow();
        List<Member> members = members(context.shapes().createInputFields(model),
                new JavaNames.Scope("builder", "toBuilder", "build", "problems", "from"));
        JavaNames.Scope types = new JavaNames.Scope(name.simpleName(), "Builder", "BuildStep");
        ClassName builder = name.nestedClass("Builder");
        ClassName buildStep = name.nestedClass("BuildStep");
        List<Member> required = members.stream().filter(m -> m.field().type().required()).toList();
        List<ClassName> steps = required.stream()
                .map(m -> name.nestedClass(types.allocate(JavaNames.upperFirst(m.javaName()) + "Step")))
                .collect(Collectors.toCollection(ArrayList::new));

        TypeSpec.Builder type = context.qualified(TypeSpec.recordBuilder(name), name)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(AnnotationSpec.builder(Runtime.JSON_INCLUDE)
                        .addMember("value", "$T.Include.NON_NULL", Runtime.JSON_INCLUDE).build())
                .addJavadoc("The input of {@code $L}: a new {@link $T}. Build it with {@link #builder()}: the"
                        + " required fields first, then any optional ones.\n", model.operation(
                                io.amplify4j.plan.ModelOperationKind.CREATE).orElseThrow(),
                        context.classes(model).record());
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (Member m : members) {
            constructor.addParameter(ParameterSpec.builder(m.type(), m.javaName())
                    .addAnnotations(context.jsonAnnotations(m.field().name(), m.javaName(), m.field().type()))
                    .build());
            type.addJavadoc("\n@param $L $L {@code $L}", m.javaName(), m.field().type().required()
                    ? "the required" : "the optional", m.field().name());
        }
        type.addJavadoc("\n");
        type.recordConstructor(constructor.build());

        ClassName first = steps.isEmpty() ? buildStep : steps.get(0);
        type.addMethod(MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(first)
                .addJavadoc("A builder asking for the required fields first.\n")
                .addStatement("return new $T()", builder)
                .build());
        type.addMethod(MethodSpec.methodBuilder("toBuilder")
                .addModifiers(Modifier.PUBLIC)
                .returns(buildStep)
                .addJavadoc("A builder holding this input's values, to change some of them.\n")
                .addStatement("return new $T(this)", builder)
                .build());

        for (int i = 0; i < required.size(); i++) {
            Member m = required.get(i);
            ClassName next = i + 1 < steps.size() ? steps.get(i + 1) : buildStep;
            type.addType(TypeSpec.interfaceBuilder(steps.get(i))
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("The step setting the required {@code $L}.\n", m.field().name())
                    .addMethod(setterSignature(m, next).addModifiers(Modifier.ABSTRACT).build())
                    .build());
        }
        TypeSpec.Builder last = TypeSpec.interfaceBuilder(buildStep)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The last step: any field may be set or changed, then {@link #build()}.\n");
        for (Member m : members) {
            last.addMethod(setterSignature(m, buildStep).addModifiers(Modifier.ABSTRACT).build());
        }
        last.addMethod(MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(name)
                .addJavadoc("The input.\n\n@throws IllegalArgumentException listing every problem: required"
                        + " fields left null and values the definition's checks refuse\n")
                .build());
        type.addType(last.build());

        TypeSpec.Builder impl = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterfaces(steps)
                .addSuperinterface(buildStep);
        MethodSpec.Builder copy = MethodSpec.constructorBuilder().addParameter(name, "from");
        for (Member m : members) {
            impl.addField(m.type(), m.javaName(), Modifier.PRIVATE);
            copy.addStatement("this.$N = from.$N", m.javaName(), m.javaName());
            impl.addMethod(setterSignature(m, builder)
                    .addAnnotation(Override.class)
                    .addStatement("this.$N = $N", m.javaName(), m.javaName())
                    .addStatement("return this")
                    .build());
        }
        impl.addMethod(MethodSpec.constructorBuilder().build());
        impl.addMethod(copy.build());
        MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(name)
                .addStatement("$T<String> problems = new $T<>()", LIST, ARRAY_LIST);
        for (Member m : members) {
            if (m.field().type().required()) {
                build.beginControlFlow("if ($N == null)", m.javaName())
                        .addStatement("problems.add($S)", m.field().name() + ": is required")
                        .endControlFlow();
            }
            build.addCode(Checks.of(model.definition().field(m.field().name()), m.field().name(), m.javaName()));
        }
        build.addCode(throwProblems(name));
        build.addStatement("return new $T($L)", name, members.stream().map(m -> CodeBlock.of("$N", m.javaName()))
                .collect(CodeBlock.joining(", ")));
        impl.addMethod(build.build());
        type.addType(impl.build());
        return type.build();
    }

    private static MethodSpec.Builder setterSignature(Member m, ClassName returns) {
        return MethodSpec.methodBuilder(m.javaName())
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addParameter(m.type(), m.javaName());
    }

    private static CodeBlock throwProblems(ClassName name) {
        return CodeBlock.builder()
                .beginControlFlow("if (!problems.isEmpty())")
                .addStatement("throw new $T($S + String.join($S, problems))", IllegalArgumentException.class,
                        name.simpleName() + " is not valid:\n  ", "\n  ")
                .endControlFlow()
                .build();
    }

    // ---- update ------------------------------------------------------------------------------------------

    TypeSpec updateInput(ModelPlan model) {
        ClassName name = context.classes(model).updateInput().orElseThrow();
        ClassName builder = name.nestedClass("Builder");
        List<Member> members = members(context.shapes().updateInputFields(model),
                new JavaNames.Scope("builder", "toBuilder", "build", "fieldsSet", "toVariables", "set", "problems",
                        "input"));
        List<Member> keys = members.stream().filter(m -> m.field().key()).toList();
        TypeName setOfString = ParameterizedTypeName.get(Set.class, String.class);
        TypeName mapType = ParameterizedTypeName.get(Map.class, String.class, Object.class);

        TypeSpec.Builder type = context.qualified(TypeSpec.classBuilder(name), name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The input of {@code $L}: the key of the {@link $T} to change and the fields to change."
                        + " A field whose setter was called is sent, even as null (which clears it); a field whose"
                        + " setter was not called is left unchanged.\n", model.operation(
                                io.amplify4j.plan.ModelOperationKind.UPDATE).orElseThrow(),
                        context.classes(model).record());
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(builder, "builder");
        for (Member m : members) {
            type.addField(m.type(), m.javaName(), Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$N = builder.$N", m.javaName(), m.javaName());
            type.addMethod(MethodSpec.methodBuilder(m.javaName())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(m.type())
                    .addJavadoc("The {@code $L} to set, or null (see {@link #fieldsSet()}).\n", m.field().name())
                    .addStatement("return $N", m.javaName())
                    .build());
        }
        type.addField(setOfString, "set", Modifier.PRIVATE, Modifier.FINAL);
        constructor.addStatement("this.set = $T.unmodifiableSet(new $T<>(builder.set))", Collections.class,
                LinkedHashSet.class);
        type.addMethod(constructor.build());

        MethodSpec.Builder factory = MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addJavadoc("A builder for the item with this key; set only the fields to change.\n")
                .addStatement("$T builder = new $T()", builder, builder);
        for (Member k : keys) {
            factory.addParameter(k.type(), k.javaName());
            factory.addStatement("builder.$N = $N", k.javaName(), k.javaName());
        }
        type.addMethod(factory.addStatement("return builder").build());
        MethodSpec.Builder toBuilder = MethodSpec.methodBuilder("toBuilder")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc("A builder holding this input's key and set fields.\n")
                .addStatement("$T builder = new $T()", builder, builder);
        for (Member m : members) {
            toBuilder.addStatement("builder.$N = $N", m.javaName(), m.javaName());
        }
        type.addMethod(toBuilder.addStatement("builder.set.addAll(set)").addStatement("return builder").build());
        type.addMethod(MethodSpec.methodBuilder("fieldsSet")
                .addModifiers(Modifier.PUBLIC)
                .returns(setOfString)
                .addJavadoc("The GraphQL names of the fields that will be sent besides the key, in the order set.\n")
                .addStatement("return set")
                .build());
        MethodSpec.Builder variables = MethodSpec.methodBuilder("toVariables")
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Runtime.JSON_VALUE)
                .returns(mapType)
                .addJavadoc("The input as sent: the key, then the fields set, explicit nulls included.\n")
                .addStatement("$T input = new $T<>()", mapType, LinkedHashMap.class);
        for (Member m : members) {
            if (m.field().key()) {
                variables.addStatement("input.put($S, $L)", m.field().name(),
                        context.wireValue(m.field().type(), m.javaName()));
            } else {
                variables.beginControlFlow("if (set.contains($S))", m.field().name())
                        .addStatement("input.put($S, $L)", m.field().name(),
                                context.wireValue(m.field().type(), m.javaName()))
                        .endControlFlow();
            }
        }
        type.addMethod(variables.addStatement("return input").build());
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S + toVariables()", name.simpleName())
                .build());

        TypeSpec.Builder impl = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Sets the fields to change; the key was given to {@link $T#builder}.\n", name);
        for (Member m : members) {
            impl.addField(m.type(), m.javaName(), Modifier.PRIVATE);
        }
        impl.addField(FieldSpec.builder(setOfString, "set", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T<>()", LinkedHashSet.class).build());
        impl.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (Member m : members) {
            if (m.field().key()) {
                continue;
            }
            impl.addMethod(MethodSpec.methodBuilder(m.javaName())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(m.type(), m.javaName())
                    .addJavadoc("Sets {@code $L}; null clears it.\n", m.field().name())
                    .addStatement("this.$N = $N", m.javaName(), m.javaName())
                    .addStatement("set.add($S)", m.field().name())
                    .addStatement("return this")
                    .build());
        }
        MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(name)
                .addJavadoc("The input.\n\n@throws IllegalArgumentException listing every problem: a key left"
                        + " null, a field the model requires set to null, values the definition's checks refuse\n")
                .addStatement("$T<String> problems = new $T<>()", LIST, ARRAY_LIST);
        for (Member m : members) {
            if (m.field().key()) {
                build.beginControlFlow("if ($N == null)", m.javaName())
                        .addStatement("problems.add($S)", m.field().name() + ": is required (it is part of the key)")
                        .endControlFlow();
            } else if (model.field(m.field().name()).map(f -> f.type().required()).orElse(false)) {
                build.beginControlFlow("if (set.contains($S) && $N == null)", m.field().name(), m.javaName())
                        .addStatement("problems.add($S)", m.field().name() + ": cannot be cleared, the model"
                                + " requires it; leave it unset to keep its value")
                        .endControlFlow();
            }
            build.addCode(Checks.of(model.definition().field(m.field().name()), m.field().name(), m.javaName()));
        }
        build.addCode(throwProblems(name));
        impl.addMethod(build.addStatement("return new $T(this)", name).build());
        type.addType(impl.build());
        return type.build();
    }
}
