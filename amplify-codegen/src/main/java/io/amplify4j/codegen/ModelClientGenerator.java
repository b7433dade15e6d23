package io.amplify4j.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.plan.IndexPlan;
import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.OperationShapes;
import io.amplify4j.plan.OperationShapes.Argument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The client of one model: get, list (a page), listAll (every page, lazily), the index queries, create, update,
 * delete and the subscriptions, each only when the definition generates the operation. The GraphQL documents are
 * public constants.
 */
final class ModelClientGenerator {
    private final CodegenContext context;
    private final ModelPlan model;
    private final CodegenContext.ModelClasses classes;
    private final ClassName record;
    private final JavaNames.Scope methods = new JavaNames.Scope("withAuthMode", "deleteInput");
    private final JavaNames.Scope statics = new JavaNames.Scope();
    private final TypeSpec.Builder type;
    private CodeBlock pageType;

    ModelClientGenerator(CodegenContext context, ModelPlan model) {
        this.context = context;
        this.model = model;
        this.classes = context.classes(model);
        this.record = classes.record();
        this.type = context.qualified(TypeSpec.classBuilder(classes.client()), classes.client())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    }

    TypeSpec generate() {
        type.addJavadoc("The operations on {@link $T} items$L\n", record,
                model.definition().description().map(d -> ": " + Javadoc.text(d)).orElse("."));
        ClientSupport.basics(type, classes.client(), "Calls the {@code " + model.name() + "} operations");
        String selection = context.selection(model.name());
        model.operation(ModelOperationKind.GET).ifPresent(field -> get(field, selection));
        model.operation(ModelOperationKind.LIST).ifPresent(field -> list(field, selection));
        for (IndexPlan index : model.indexes()) {
            index.queryField().ifPresent(field -> indexQuery(index, field, selection));
        }
        model.operation(ModelOperationKind.CREATE).ifPresent(field -> mutation(ModelOperationKind.CREATE, field,
                selection));
        model.operation(ModelOperationKind.UPDATE).ifPresent(field -> mutation(ModelOperationKind.UPDATE, field,
                selection));
        model.operation(ModelOperationKind.DELETE).ifPresent(field -> mutation(ModelOperationKind.DELETE, field,
                selection));
        for (ModelOperationKind kind : List.of(ModelOperationKind.ON_CREATE, ModelOperationKind.ON_UPDATE,
                ModelOperationKind.ON_DELETE)) {
            model.operation(kind).ifPresent(field -> subscription(kind, field, selection));
        }
        return type.build();
    }

    private String document(String keyword, String field, List<Argument> arguments, String selection) {
        String name = statics.allocate(JavaNames.constant(field));
        type.addField(FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The {@code $L} document.\n", field)
                .initializer("$S", Documents.operation(keyword, field, arguments, selection))
                .build());
        return name;
    }

    private String method(String wanted) {
        String name = methods.allocate(wanted);
        methods.reserve(name + "Async", name + "Request");
        return name;
    }

    /** The key fields as parameters, in key order. */
    private List<Calls.Param> keyParams(List<String> fields, JavaNames.Scope params) {
        List<Calls.Param> out = new ArrayList<>();
        for (String field : fields) {
            out.add(new Calls.Param(params.allocate(JavaNames.member(field)), keyJavaType(field),
                    "the {@code " + field + "} of the key"));
        }
        return out;
    }

    private FieldType keyType(String field) {
        return FieldType.required(model.field(field).orElseThrow().type().base());
    }

    private TypeName keyJavaType(String field) {
        return context.javaType(keyType(field));
    }

    private CodeBlock variable(String graphqlName, CodeBlock value) {
        return CodeBlock.of("$S, $L", graphqlName, value);
    }

    private CodeBlock keyVariable(Calls.Param param, String field) {
        return variable(field, context.wireValue(keyType(field), param.javaName()));
    }

    private TypeName filter() {
        return ParameterizedTypeName.get(Runtime.MODEL_FILTER, record);
    }

    private TypeName condition() {
        return ParameterizedTypeName.get(Runtime.MODEL_CONDITION, record);
    }

    private CodeBlock pageType() {
        if (pageType == null) {
            pageType = ClientSupport.responseType(page(), type, statics, "PAGE_TYPE");
        }
        return pageType;
    }

    private TypeName page() {
        return ParameterizedTypeName.get(Runtime.PAGE, record);
    }

    // ---- queries -----------------------------------------------------------------------------------------

    private void get(String field, String selection) {
        String document = document("query", field, context.shapes().getArguments(model), selection);
        JavaNames.Scope params = new JavaNames.Scope("request");
        List<Calls.Param> keys = keyParams(model.primaryKey().fields(), params);
        List<CodeBlock> variables = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            variables.add(keyVariable(keys.get(i), model.primaryKey().fields().get(i)));
        }
        CodeBlock request = Calls.request(record, ClientSupport.requestStart(CodeBlock.of("$T.class", record),
                document, Documents.operationName(field), field), variables);
        Calls.add(type, new Calls.Call(method("get"), keys, record, true, false,
                "The {@code " + model.name() + "} with this key, or empty when there is none or the caller may"
                        + " not read it.", request));
    }

    private void list(String field, String selection) {
        String document = document("query", field, context.shapes().listArguments(model),
                Documents.connection(selection));
        CodeBlock pageType = pageType();
        JavaNames.Scope params = new JavaNames.Scope("request");
        Calls.Param filter = new Calls.Param(params.allocate("filter"), filter(),
                "which items to return, or null for all");
        Calls.Param limit = new Calls.Param(params.allocate("limit"), ClassName.get(Integer.class),
                "how many items to read at most (before the filter applies), or null for the API's default");
        Calls.Param nextToken = new Calls.Param(params.allocate("nextToken"), ClassName.get(String.class),
                "where to continue, from the previous page, or null for the first page");
        CodeBlock request = Calls.request(page(), ClientSupport.requestStart(pageType, document,
                Documents.operationName(field), field), List.of(variable("filter", CodeBlock.of("$N",
                        filter.javaName())), variable("limit", CodeBlock.of("$N", limit.javaName())),
                variable("nextToken", CodeBlock.of("$N", nextToken.javaName()))));
        String name = method("list");
        Calls.add(type, new Calls.Call(name, List.of(filter, limit, nextToken), page(), false, false,
                "One page of {@code " + model.name() + "} items. A page may be empty and still have a next token,"
                        + " because the filter applies after the limit.", request));
        type.addMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(filter(), filter.javaName())
                .returns(page())
                .addJavadoc("The first page of items matching {@code $N} (null for all).\n", filter.javaName())
                .addStatement("return $N($N, null, null)", name, filter.javaName())
                .build());
        type.addMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(page())
                .addJavadoc("The first page of items.\n")
                .addStatement("return $N(null, null, null)", name)
                .build());
        String listAll = method("listAll");
        listAll(listAll, List.of(filter), CodeBlock.of("$N($N, null, token.orElse(null))", name,
                filter.javaName()));
        type.addMethod(MethodSpec.methodBuilder(listAll)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Runtime.PAGES.nestedClass("Paged"), record))
                .addJavadoc("Every item, read page by page as the result is iterated.\n")
                .addStatement("return $N(null)", listAll)
                .build());
        if (model.primaryKey().explicit()) {
            keyQuery(method("listByKey"), field, document, pageType, model.primaryKey().partitionKey(),
                    model.primaryKey().sortKeys(), false);
        }
    }

    private void listAll(String name, List<Calls.Param> params, CodeBlock fetchPage) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Runtime.PAGES.nestedClass("Paged"), record))
                .addJavadoc("Every matching item, read page by page as the result is iterated (or streamed); empty"
                        + " pages with a next token are followed.\n");
        params.forEach(p -> method.addParameter(p.spec()));
        method.addStatement("return $T.iterate(token -> $L)", Runtime.PAGES, fetchPage);
        type.addMethod(method.build());
    }

    private void indexQuery(IndexPlan index, String field, String selection) {
        String document = document("query", field, context.shapes().indexArguments(model, index),
                Documents.connection(selection));
        CodeBlock pageType = pageType();
        keyQuery(method(JavaNames.member(field)), field, document, pageType, index.partitionKey(), index.sortKeys(),
                true);
    }

    /**
     * A query by partition key: the list query of a model with an explicit key, or an index query. A single sort
     * key takes a key condition; a composite one is not offered as a condition (filter on its fields instead).
     */
    private void keyQuery(String name, String field, String document, CodeBlock pageType, String partitionKey,
            List<String> sortKeys, boolean partitionRequired) {
        JavaNames.Scope params = new JavaNames.Scope("request", "token");
        List<Calls.Param> all = new ArrayList<>();
        List<CodeBlock> variables = new ArrayList<>();
        Calls.Param pk = keyParams(List.of(partitionKey), params).get(0);
        pk = new Calls.Param(pk.javaName(), pk.type(), "the {@code " + partitionKey + "} to query"
                + (partitionRequired ? "" : ", or null to scan every partition"));
        all.add(pk);
        variables.add(keyVariable(pk, partitionKey));
        if (sortKeys.size() == 1) {
            Calls.Param sk = new Calls.Param(params.allocate(JavaNames.member(sortKeys.get(0))),
                    ParameterizedTypeName.get(Runtime.KEY_CONDITION, record),
                    "the condition on {@code " + sortKeys.get(0) + "}, or null for none");
            all.add(sk);
            variables.add(variable(sortKeys.get(0), CodeBlock.of("$N", sk.javaName())));
        }
        Calls.Param direction = new Calls.Param(params.allocate("sortDirection"), Runtime.SORT_DIRECTION,
                "the order of the sort key, or null for ascending");
        Calls.Param filter = new Calls.Param(params.allocate("filter"), filter(),
                "which items to return, or null for all");
        Calls.Param limit = new Calls.Param(params.allocate("limit"), ClassName.get(Integer.class),
                "how many items to read at most, or null for the API's default");
        Calls.Param nextToken = new Calls.Param(params.allocate("nextToken"), ClassName.get(String.class),
                "where to continue, or null for the first page");
        all.addAll(List.of(direction, filter, limit, nextToken));
        for (Calls.Param p : List.of(direction, filter, limit, nextToken)) {
            String graphqlName = p == direction ? "sortDirection" : p == filter ? "filter"
                    : p == limit ? "limit" : "nextToken";
            variables.add(variable(graphqlName, CodeBlock.of("$N", p.javaName())));
        }
        CodeBlock request = Calls.request(page(), ClientSupport.requestStart(pageType, document,
                Documents.operationName(field), field), variables);
        Calls.add(type, new Calls.Call(name, all, page(), false, false,
                "One page of {@code " + model.name() + "} items by {@code " + partitionKey + "}"
                        + (sortKeys.isEmpty() ? "" : ", sorted by {@code " + String.join("#", sortKeys) + "}")
                        + ".", request));
        List<Calls.Param> allParams = all.subList(0, all.size() - 2);
        List<String> pass = new ArrayList<>(allParams.stream().map(Calls.Param::javaName).toList());
        listAll(method(name + "All"), allParams, CodeBlock.of("$N($L, null, token.orElse(null))", name,
                ClientSupport.names(pass)));
    }

    // ---- mutations ---------------------------------------------------------------------------------------

    private void mutation(ModelOperationKind kind, String field, String selection) {
        String document = document("mutation", field, context.shapes().mutationArguments(model, kind), selection);
        JavaNames.Scope params = new JavaNames.Scope("request");
        List<Calls.Param> inputs = new ArrayList<>();
        List<CodeBlock> variables = new ArrayList<>();
        String what;
        switch (kind) {
            case CREATE -> {
                Calls.Param input = new Calls.Param(params.allocate("input"), classes.createInput().orElseThrow(),
                        "the new item's fields");
                inputs.add(input);
                variables.add(variable("input", CodeBlock.of("$N", input.javaName())));
                what = "Creates a {@code " + model.name() + "} and returns it as stored.";
            }
            case UPDATE -> {
                Calls.Param input = new Calls.Param(params.allocate("input"), classes.updateInput().orElseThrow(),
                        "the key and the fields to change");
                inputs.add(input);
                variables.add(variable("input", CodeBlock.of("$N.toVariables()", input.javaName())));
                what = "Changes the fields set in {@code input} and returns the item as stored.";
            }
            default -> {
                List<Calls.Param> keys = keyParams(model.primaryKey().fields(), params);
                inputs.addAll(keys);
                CodeBlock.Builder map = CodeBlock.builder().add("deleteInput($L)", ClientSupport.names(
                        keys.stream().map(Calls.Param::javaName).toList()));
                variables.add(variable("input", map.build()));
                deleteInput(keys);
                what = "Deletes the {@code " + model.name() + "} with this key and returns it as it was.";
            }
        }
        Calls.Param condition = new Calls.Param(params.allocate("condition"), condition(),
                "what must hold for the change to happen, or null; when it does not hold the call fails with"
                        + " {@code ConditionalCheckFailedException}");
        variables.add(variable("condition", CodeBlock.of("$N", condition.javaName())));
        List<Calls.Param> all = new ArrayList<>(inputs);
        all.add(condition);
        CodeBlock request = Calls.request(record, ClientSupport.requestStart(CodeBlock.of("$T.class", record),
                document, Documents.operationName(field), field), variables);
        String name = method(switch (kind) {
            case CREATE -> "create";
            case UPDATE -> "update";
            default -> "delete";
        });
        Calls.add(type, new Calls.Call(name, all, record, false, false, what, request));
        MethodSpec.Builder shorter = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(record)
                .addJavadoc("$L\n", what);
        inputs.forEach(p -> shorter.addParameter(p.spec()));
        List<String> pass = new ArrayList<>(inputs.stream().map(Calls.Param::javaName).toList());
        shorter.addStatement("return $N($L, null)", name, ClientSupport.names(pass));
        type.addMethod(shorter.build());
    }

    private void deleteInput(List<Calls.Param> keys) {
        TypeName map = ParameterizedTypeName.get(Map.class, String.class, Object.class);
        MethodSpec.Builder method = MethodSpec.methodBuilder("deleteInput")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(map)
                .addStatement("$T input = new $T<>()", map, LinkedHashMap.class);
        List<String> fields = model.primaryKey().fields();
        for (int i = 0; i < keys.size(); i++) {
            Calls.Param key = keys.get(i);
            method.addParameter(key.spec());
            method.addStatement("input.put($S, $L)", fields.get(i), context.wireValue(keyType(fields.get(i)),
                    key.javaName()));
        }
        type.addMethod(method.addStatement("return input").build());
    }

    // ---- subscriptions -----------------------------------------------------------------------------------

    private void subscription(ModelOperationKind kind, String field, String selection) {
        List<Argument> arguments = context.shapes().subscriptionArguments(model);
        String document = document("subscription", field, arguments, selection);
        JavaNames.Scope params = new JavaNames.Scope("request");
        Calls.Param filter = new Calls.Param(params.allocate("filter"),
                ParameterizedTypeName.get(Runtime.SUBSCRIPTION_FILTER, record),
                "which events to receive, or null for all the caller may read");
        List<Calls.Param> all = new ArrayList<>(List.of(filter));
        List<CodeBlock> variables = new ArrayList<>(List.of(variable("filter", CodeBlock.of("$N",
                filter.javaName()))));
        for (String owner : OperationShapes.subscriptionOwnerArguments(model)) {
            Calls.Param p = new Calls.Param(params.allocate(JavaNames.member(owner)), ClassName.get(String.class),
                    "only events of items this owner ({@code " + owner + "}) owns, or null");
            all.add(p);
            variables.add(variable(owner, CodeBlock.of("$N", p.javaName())));
        }
        CodeBlock request = Calls.request(record, ClientSupport.requestStart(CodeBlock.of("$T.class", record),
                document, Documents.operationName(field), field), variables);
        String verb = switch (kind) {
            case ON_CREATE -> "created";
            case ON_UPDATE -> "updated";
            default -> "deleted";
        };
        String name = method(switch (kind) {
            case ON_CREATE -> "onCreate";
            case ON_UPDATE -> "onUpdate";
            default -> "onDelete";
        });
        Calls.add(type, new Calls.Call(name, all, record, false, true,
                "Each {@code " + model.name() + "} " + verb + " from now on.", request));
        MethodSpec.Builder shorter = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Runtime.GRAPHQL_SUBSCRIPTION, record))
                .addJavadoc("Each {@code $L} $L from now on that the caller may read.\n", model.name(), verb);
        List<String> nulls = new ArrayList<>();
        all.forEach(p -> nulls.add("null"));
        shorter.addStatement("return $N($L)", name, String.join(", ", nulls));
        type.addMethod(shorter.build());
        if (all.size() > 1) {
            MethodSpec.Builder filtered = MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(filter.spec())
                    .returns(ParameterizedTypeName.get(Runtime.GRAPHQL_SUBSCRIPTION, record))
                    .addJavadoc("Each {@code $L} $L from now on that matches {@code $N}.\n", model.name(), verb,
                            filter.javaName());
            List<String> args = new ArrayList<>(List.of(filter.javaName()));
            all.subList(1, all.size()).forEach(p -> args.add("null"));
            filtered.addStatement("return $N($L)", name, String.join(", ", args));
            type.addMethod(filtered.build());
        }
    }

}
