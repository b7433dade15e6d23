package io.amplify4j.plan.resolver;

import io.amplify4j.plan.Names;
import io.amplify4j.plan.resolver.PipelineFunctionPlan.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the DATA functions of the model operations into one read function (get, list, index queries, and the
 * relationship fields that read the table) and one write function (create, update, delete) per table.
 *
 * <p><b>Why.</b> Every AppSync function is a CloudFormation resource, and a table needs a resolver per field anyway;
 * one function per operation would make the functions about a third of a large API's resources. A merged function
 * is one APPSYNC_JS module that chooses the branch of the field it runs for from
 * {@code ctx.info.parentTypeName + '.' + ctx.info.fieldName} (an unknown field is an error, never a default), so
 * every operation behaves exactly as its own function would: each branch is its generator's module, its handlers
 * turned into the functions {@code <branch>Request(ctx)} and {@code <branch>Response(ctx)} holding their own
 * constants, and the helpers carried once.
 *
 * <p>The generators register each data function with {@link #register} as they build it (the function they return
 * stays a complete module of its own); {@link #merge} then replaces, in every resolver, each registered function by
 * its table's merged one. Only registered functions are touched: custom operations' handlers keep theirs. A table
 * whose branches do not fit one AppSync function ({@link #MAX_CODE_BYTES}) gets further functions
 * ({@code TodoTableRead2}), filled in order.
 */
final class TableFunctionMerger {
    /**
     * The most bytes of code a merged function may hold: AppSync accepts 32,768 characters of code per function;
     * the margin keeps clear of it whatever the character encoding counts.
     */
    static final int MAX_CODE_BYTES = 32_000;

    /** Reads and writes of a table get separate functions. */
    enum Access {
        READ(ResolverNames.TABLE_READ, "reads"),
        WRITE(ResolverNames.TABLE_WRITE, "writes");

        final String suffix;
        final String title;

        Access(String suffix, String title) {
            this.suffix = suffix;
            this.title = title;
        }
    }

    /** One operation's data function ({@code name}, as its generator named it), as its generator built it. */
    private record Branch(String name, String typeName, String fieldName, String dataSource, Access access,
            JsModule module, List<String> operations) {
        String coordinate() {
            return typeName + "." + fieldName;
        }
    }

    /** The registered branches by the name of the function they were generated as, in registration order. */
    private final Map<String, Branch> branches = new LinkedHashMap<>();

    /**
     * Records the data function {@code name} of {@code typeName.fieldName} on {@code dataSource}, built from
     * {@code module}: a write when it belongs to {@code Mutation}, else a read.
     */
    void register(String name, String typeName, String fieldName, String dataSource, JsModule module,
            List<String> operations) {
        Access access = typeName.equals("Mutation") ? Access.WRITE : Access.READ;
        Branch previous = branches.put(name, new Branch(name, typeName, fieldName, dataSource, access, module,
                List.copyOf(operations)));
        if (previous != null) {
            throw new IllegalStateException("Data function " + name + " was registered twice");
        }
    }

    /** {@code resolvers} with every registered data function replaced by its table's merged function. */
    List<ResolverPlan> merge(List<ResolverPlan> resolvers) {
        return merge(resolvers, MAX_CODE_BYTES);
    }

    /** {@link #merge(List)} with merged modules of at most {@code maxCodeBytes} (unless one branch alone is larger). */
    List<ResolverPlan> merge(List<ResolverPlan> resolvers, int maxCodeBytes) {
        Map<String, PipelineFunctionPlan> merged = mergedFunctions(maxCodeBytes);
        List<ResolverPlan> out = new ArrayList<>(resolvers.size());
        for (ResolverPlan resolver : resolvers) {
            boolean touched = false;
            List<PipelineFunctionPlan> functions = new ArrayList<>(resolver.functions().size());
            for (PipelineFunctionPlan function : resolver.functions()) {
                PipelineFunctionPlan replacement = function.role() == Role.DATA ? merged.get(function.name()) : null;
                functions.add(replacement == null ? function : replacement);
                touched |= replacement != null;
            }
            out.add(touched ? new ResolverPlan(resolver.typeName(), resolver.fieldName(), resolver.code(), functions)
                    : resolver);
        }
        return out;
    }

    /** The merged function of every registered function, by the registered function's name. */
    private Map<String, PipelineFunctionPlan> mergedFunctions(int maxCodeBytes) {
        Map<String, List<Branch>> groups = new LinkedHashMap<>();
        for (Branch branch : branches.values()) {
            groups.computeIfAbsent(branch.dataSource() + "\u0000" + branch.access(), k -> new ArrayList<>())
                    .add(branch);
        }
        Map<String, PipelineFunctionPlan> byGeneratedName = new HashMap<>();
        for (List<Branch> group : groups.values()) {
            List<List<Branch>> parts = parts(group, maxCodeBytes);
            for (int i = 0; i < parts.size(); i++) {
                PipelineFunctionPlan function = function(name(parts.get(i).get(0), i + 1), parts.get(i));
                parts.get(i).forEach(b -> byGeneratedName.put(b.name(), function));
            }
        }
        return byGeneratedName;
    }

    /** The group's branches in order, cut where the next branch would take a module past {@code maxCodeBytes}. */
    private static List<List<Branch>> parts(List<Branch> group, int maxCodeBytes) {
        List<List<Branch>> parts = new ArrayList<>();
        List<Branch> current = new ArrayList<>();
        for (Branch branch : group) {
            current.add(branch);
            if (current.size() > 1 && bytes(render(name(branch, parts.size() + 1), current)) > maxCodeBytes) {
                current.remove(current.size() - 1);
                parts.add(current);
                current = new ArrayList<>(List.of(branch));
            }
        }
        parts.add(current);
        return parts;
    }

    /** The name of part {@code part} (from 1) of the function holding {@code branch}. */
    private static String name(Branch branch, int part) {
        return ResolverNames.tableFunction(branch.dataSource(), branch.access().suffix, part);
    }

    private static int bytes(String code) {
        return code.getBytes(StandardCharsets.UTF_8).length;
    }

    private static PipelineFunctionPlan function(String name, List<Branch> part) {
        Set<String> operations = new TreeSet<>();
        part.forEach(b -> operations.addAll(b.operations()));
        return new PipelineFunctionPlan(name, Role.DATA, part.get(0).dataSource(),
                new ModuleSource.Generated(render(name, part)), List.copyOf(operations));
    }

    /**
     * The module of function {@code name}: the helpers of every branch once, each branch's handlers as functions of
     * its own, and {@code request}/{@code response} choosing the branch by the field being resolved.
     */
    private static String render(String name, List<Branch> part) {
        Set<String> snippets = new LinkedHashSet<>();
        for (Branch branch : part) {
            for (String snippet : branch.module().snippets()) {
                for (String constant : branch.module().constantNames()) {
                    if (JsModule.names(snippet, constant)) {
                        // A helper naming a branch's constant would see none (constants live in the branch).
                        throw new IllegalStateException("A helper of " + branch.coordinate() + " names the constant "
                                + constant + "; helpers must take their data as arguments");
                    }
                }
                snippets.add(snippet);
            }
        }
        StringBuilder body = new StringBuilder();
        snippets.forEach(s -> body.append(s).append('\n'));
        Set<String> prefixes = new HashSet<>();
        List<String> cases = new ArrayList<>();
        for (Branch branch : part) {
            String prefix = Names.lowerFirst(identifier(branch.typeName())) + Names.upperFirst(
                    identifier(branch.fieldName()));
            String unique = prefix;
            for (int n = 2; !prefixes.add(unique); n++) {
                unique = prefix + "_" + n;
            }
            body.append(branch.module().branchFunctions(unique)).append('\n');
            cases.add(unique);
        }
        body.append(dispatch(name, "request", "Request", part, cases)).append('\n');
        body.append(dispatch(name, "response", "Response", part, cases));
        Branch first = part.get(0);
        return JsModule.assemble(first.dataSource() + " " + first.access().title + ": "
                + String.join(", ", part.stream().map(Branch::coordinate).toList()), body.toString());
    }

    private static String dispatch(String name, String handler, String suffix, List<Branch> part, List<String> cases) {
        StringBuilder out = new StringBuilder();
        out.append("export function ").append(handler).append("(ctx) {\n");
        out.append("  const field = ctx.info.parentTypeName + '.' + ctx.info.fieldName;\n");
        out.append("  switch (field) {\n");
        for (int i = 0; i < part.size(); i++) {
            out.append("    case '").append(part.get(i).coordinate()).append("':\n");
            out.append("      return ").append(cases.get(i)).append(suffix).append("(ctx);\n");
        }
        out.append("    default:\n");
        out.append("      return util.error('").append(name).append(" does not serve ' + field, 'MappingTemplate');\n");
        out.append("  }\n");
        out.append("}\n");
        return out.toString();
    }

    private static String identifier(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || c == '_' ? c : '_');
        }
        return out.toString();
    }
}
