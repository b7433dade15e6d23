package io.amplify4j.sandbox.authz;

import static io.amplify4j.sandbox.authz.Oracle.Access.CREATE;
import static io.amplify4j.sandbox.authz.Oracle.Access.DELETE;
import static io.amplify4j.sandbox.authz.Oracle.Access.READ;
import static io.amplify4j.sandbox.authz.Oracle.Access.UPDATE;
import static io.amplify4j.sandbox.authz.Oracle.all;
import static io.amplify4j.sandbox.authz.Oracle.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.plan.ModelOperationKind;
import io.amplify4j.sandbox.authz.MatrixBackend.Kind;
import io.amplify4j.sandbox.authz.Oracle.Authenticated;
import io.amplify4j.sandbox.authz.Oracle.Custom;
import io.amplify4j.sandbox.authz.Oracle.GroupField;
import io.amplify4j.sandbox.authz.Oracle.Groups;
import io.amplify4j.sandbox.authz.Oracle.Guest;
import io.amplify4j.sandbox.authz.Oracle.Mode;
import io.amplify4j.sandbox.authz.Oracle.Owner;
import io.amplify4j.sandbox.authz.Oracle.Principal;
import io.amplify4j.sandbox.authz.Oracle.PublicApiKey;
import io.amplify4j.sandbox.authz.Oracle.Root;
import io.amplify4j.sandbox.authz.Oracle.Rule;
import io.amplify4j.sandbox.authz.Oracle.RuleSet;
import io.amplify4j.sandbox.js.GraphQLError;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.js.SubscriptionFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The authorization matrix (security-and-reliability §5a): every rule kind × operation × caller, each case run
 * through the REAL generated resolvers ({@link io.amplify4j.sandbox.runtime.PlanResolvers}) and compared with the
 * {@link Oracle}.
 *
 * <p>Every case acts on "UA's item": {@code owner = sub-a::alice}, {@code editors = [sub-a::alice]},
 * {@code team = Editors}, {@code teams = [Editors]} (UA is in Editors). create sends the same item without
 * {@code owner}/{@code editors}, which the resolver fills with the caller; "create for another" names UB and the
 * group Admin instead (planting, O4); "reassign" updates the rule's owner or group field to UB / Admin (O3, O7).
 * How an outcome is observed:
 * <ul>
 *   <li>create / update / delete: ALLOW when the resolver succeeded AND the store changed as asked; a DENY must
 *       leave an error and the store untouched (checked on every case).</li>
 *   <li>get: ALLOW when the item comes back; a DENY is null data plus an {@code Unauthorized} error.</li>
 *   <li>list, index query (on {@code team}): ALLOW when the item is in the page; a DENY either refuses the call
 *       or leaves the item out.</li>
 *   <li>subscriptions: ALLOW when subscribing raised no error AND the server-side filter the resolver set
 *       ({@link SubscriptionFilter#matches}) lets UA's event through.</li>
 *   <li>field read: ALLOW when the field's value comes back (a redacted field is null plus an Unauthorized
 *       error); field filter: ALLOW when listing with a filter on the field's true value finds the item (a filter
 *       must not reveal what a read would not); field write: ALLOW when the stored field changed.</li>
 *   <li>traversal: ALLOW when the related item comes back through the relationship field.</li>
 * </ul>
 *
 * <p>Decisions where the references leave room (the oracle encodes them):
 * <ul>
 *   <li>A {@code resource(fn).to(QUERY)} grant admits the function's role to every query field, relationship field
 *       and model field (field rules included): it is a schema-level grant for that root type. It admits nothing
 *       else; other roles, whatever IAM allows them, get nothing (DESIGN: no IAM catch-all).</li>
 *   <li>An OIDC caller never matches user-pool rules, even when its {@code sub} or group claims equal a user
 *       pool user's.</li>
 *   <li>USTALE (removed from Admin, token still lists it) is admitted as Admin: resolvers see the token, which the
 *       server accepts until {@code exp}.</li>
 *   <li>Group fields are immutable for callers admitted through a group-field rule, as owner fields are (there is
 *       no "group transfer"); static callers may change both.</li>
 *   <li>A filter naming a field with read rules ranges only over items whose field the caller may read: the owner
 *       of an owner-only field can filter on it among its own items; a caller who may read it on no item is
 *       refused.</li>
 * </ul>
 */
class AuthorizationMatrixTest {
    static final Map<String, Object> UA_ITEM = item(
            "content", "A's words", "owner", "sub-a::alice", "editors", List.of("sub-a::alice"),
            "team", "Editors", "teams", List.of("Editors"));
    static final Map<String, Object> CREATE_INPUT = item(
            "content", "new words", "team", "Editors", "teams", List.of("Editors"));
    /** A create input naming someone else: UB as owner and co-owner, the group Admin (planting, O4). */
    static final Map<String, Object> FOREIGN_INPUT = item(
            "content", "planted", "owner", "sub-b::bob", "editors", List.of("sub-b::bob"),
            "team", "Admin", "teams", List.of("Admin"));
    static final Map<String, Object> PATIENT = item(
            "content", "chart", "owner", "sub-a::alice", "ssn", "123-45-6789", "salary", "90000");

    static final Map<String, Set<Root>> GRANTS = Map.of(Matrix.REPORTER_ROLE, Set.of(Root.QUERY));
    static final RuleSet PATIENT_RULES = new RuleSet(
            List.of(new Authenticated(Mode.USER_POOL, all())),
            Map.of("ssn", List.of(new Owner("owner", false, false, only(READ))),
                    "salary", List.of(new Groups(List.of("Admin"), all()))),
            GRANTS);
    static final RuleSet POST_RULES = rules(new Owner("owner", false, false, all()));
    static final RuleSet COMMENT_RULES = rules(new Authenticated(Mode.USER_POOL, only(READ)));

    static Matrix matrix;

    @BeforeAll
    static void start() {
        matrix = new Matrix();
    }

    @AfterAll
    static void stop() {
        matrix.close();
    }

    @AfterEach
    void wipe() {
        matrix.wipe();
    }

    /** The oracle's reading of each rule kind, written from the rule's meaning, not from the DSL. */
    static RuleSet rulesOf(Kind kind) {
        return switch (kind) {
            case PUBLIC_API_KEY -> rules(new PublicApiKey(all()));
            case PUBLIC_API_KEY_READ -> rules(new PublicApiKey(only(READ)));
            case GUEST_READ -> rules(new Guest(only(READ)));
            case AUTHENTICATED -> rules(new Authenticated(Mode.USER_POOL, all()));
            case AUTHENTICATED_IDENTITY_POOL -> rules(new Authenticated(Mode.IDENTITY_USER, all()));
            case OWNER -> rules(new Owner("owner", false, false, all()));
            case OWNER_TRANSFER -> rules(new Owner("owner", false, true, all()));
            case OWNERS_DEFINED_IN -> rules(new Owner("editors", true, false, all()));
            case GROUP_ADMIN -> rules(new Groups(List.of("Admin"), all()));
            case GROUP_DEFINED_IN -> rules(new GroupField("team", false, all()));
            case GROUPS_DEFINED_IN -> rules(new GroupField("teams", true, all()));
            case CUSTOM -> rules(new Custom(all()));
        };
    }

    static RuleSet rules(Rule... model) {
        return new RuleSet(List.of(model), Map.of(), GRANTS);
    }

    enum Op {
        CREATE("create"), CREATE_FOR("create for another"), GET("get"), LIST("list"), INDEX("index query"),
        UPDATE("update"), REASSIGN("reassign"), DELETE("delete"),
        ON_CREATE("onCreate"), ON_UPDATE("onUpdate"), ON_DELETE("onDelete"),
        FIELD_READ("field read"), FIELD_FILTER("field filter"), FIELD_WRITE("field write"), TRAVERSE("traverse");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    /** What a case acts on: a rule kind's model, a Patient field, or a relationship. */
    sealed interface Target {
        String label();
    }

    record ModelTarget(Kind kind) implements Target {
        public String label() {
            return kind.label;
        }
    }

    record FieldTarget(String field, String rule) implements Target {
        public String label() {
            return "Patient." + field + ": " + rule;
        }
    }

    record RelationTarget(String type, String field, String rule) implements Target {
        public String label() {
            return type + "." + field + " (" + rule + ")";
        }
    }

    record Case(Target target, Op op, Principal caller, boolean expected) {
        @Override
        public String toString() {
            String on = switch (op) {
                case CREATE -> "";
                case CREATE_FOR -> " naming UB / group Admin";
                case REASSIGN -> " of UA's item to UB / group Admin";
                case ON_CREATE, ON_UPDATE, ON_DELETE -> ", event on UA's item";
                case TRAVERSE -> " from UA's parent/child";
                default -> " on UA's item";
            };
            return target.label() + " × " + op.label + " × " + caller.name() + on + " → "
                    + (expected ? "ALLOW" : "DENY");
        }
    }

    static final List<Op> MODEL_OPS = List.of(
            Op.CREATE, Op.CREATE_FOR, Op.GET, Op.LIST, Op.INDEX, Op.UPDATE, Op.REASSIGN, Op.DELETE,
            Op.ON_CREATE, Op.ON_UPDATE, Op.ON_DELETE);
    static final List<Target> FIELDS = List.of(
            new FieldTarget("ssn", "owner.to(READ)"), new FieldTarget("salary", "group(Admin)"));
    static final List<Target> RELATIONS = List.of(
            new RelationTarget("Post", "comments", "→ Comment: authenticated.to(READ)"),
            new RelationTarget("Comment", "post", "→ Post: owner"));

    /** Every case with the oracle's verdict. */
    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Op op : MODEL_OPS) {
                for (Principal p : Matrix.PRINCIPALS) {
                    cases.add(new Case(new ModelTarget(kind), op, p, expect(rulesOf(kind), op, p)));
                }
            }
        }
        for (Target field : FIELDS) {
            for (Op op : List.of(Op.FIELD_READ, Op.FIELD_FILTER, Op.FIELD_WRITE)) {
                for (Principal p : Matrix.PRINCIPALS) {
                    String name = ((FieldTarget) field).field();
                    boolean expected = op != Op.FIELD_WRITE
                            ? Oracle.permitsField(PATIENT_RULES, Root.QUERY, READ, name, p, PATIENT)
                            : Oracle.permitsField(PATIENT_RULES, Root.MUTATION, UPDATE, name, p, PATIENT);
                    cases.add(new Case(field, op, p, expected));
                }
            }
        }
        for (Target relation : RELATIONS) {
            RuleSet target = ((RelationTarget) relation).type().equals("Post") ? COMMENT_RULES : POST_RULES;
            for (Principal p : Matrix.PRINCIPALS) {
                cases.add(new Case(relation, Op.TRAVERSE, p, Oracle.permits(target, Root.QUERY, READ, p, UA_ITEM)));
            }
        }
        return cases;
    }

    static boolean expect(RuleSet rules, Op op, Principal p) {
        return switch (op) {
            case CREATE -> Oracle.permits(rules, Root.MUTATION, CREATE, p, Oracle.afterCreate(rules, CREATE_INPUT, p));
            case CREATE_FOR -> Oracle.permits(rules, Root.MUTATION, CREATE, p,
                    Oracle.afterCreate(rules, FOREIGN_INPUT, p));
            case GET, LIST, INDEX -> Oracle.permits(rules, Root.QUERY, READ, p, UA_ITEM);
            case UPDATE -> Oracle.permits(rules, Root.MUTATION, UPDATE, p, UA_ITEM);
            case REASSIGN -> Oracle.permits(rules, Root.MUTATION, UPDATE, p, UA_ITEM)
                    && (!Oracle.isAuthField(rules, reassigned(rules))
                            || Oracle.mayChangeOwnerField(rules, reassigned(rules), p, UA_ITEM));
            case DELETE -> Oracle.permits(rules, Root.MUTATION, DELETE, p, UA_ITEM);
            case ON_CREATE, ON_UPDATE, ON_DELETE -> Oracle.permits(rules, Root.SUBSCRIPTION, READ, p, UA_ITEM);
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    static Stream<Case> matrix() {
        return cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void resolversAgreeWithTheOracle(Case c) {
        boolean actual;
        if (c.target() instanceof ModelTarget m) {
            actual = runModel(m.kind().model, c.op(), c.caller());
        } else if (c.target() instanceof FieldTarget f) {
            actual = runField(f.field(), c.op(), c.caller());
        } else {
            RelationTarget r = (RelationTarget) c.target();
            actual = runTraversal(r.type(), r.field(), c.caller());
        }
        assertThat(actual).as(c.toString()).isEqualTo(c.expected());
    }

    @Test
    void theMatrixIsLargeAndCoversEveryDimension() {
        List<Case> all = cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(300);
        assertThat(all.stream().map(Case::op).distinct()).containsExactlyInAnyOrder(Op.values());
        assertThat(all.stream().map(Case::caller).distinct()).hasSize(Matrix.PRINCIPALS.size());
        assertThat(all.stream().filter(Case::expected)).hasSizeGreaterThan(100);
        assertThat(all.stream().filter(c -> !c.expected())).hasSizeGreaterThan(100);
    }

    // ------------------------------------------------------------------------------------------ running a case

    private boolean runModel(String model, Op op, Principal who) {
        return switch (op) {
            case CREATE -> create(model, CREATE_INPUT, who);
            case CREATE_FOR -> create(model, FOREIGN_INPUT, who);
            case INDEX -> index(model, who);
            case GET -> get(model, who);
            case LIST -> list(model, who);
            case UPDATE -> update(model, who);
            case REASSIGN -> reassign(model, who);
            case DELETE -> delete(model, who);
            case ON_CREATE -> subscribe(model, ModelOperationKind.ON_CREATE, who);
            case ON_UPDATE -> subscribe(model, ModelOperationKind.ON_UPDATE, who);
            case ON_DELETE -> subscribe(model, ModelOperationKind.ON_DELETE, who);
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    static String fieldOf(String model, ModelOperationKind kind) {
        return matrix.plan.model(model).orElseThrow().operation(kind).orElseThrow();
    }

    private boolean create(String model, Map<String, Object> input, Principal who) {
        ResolverResult result = matrix.run("Mutation", fieldOf(model, ModelOperationKind.CREATE),
                Map.of("input", input), null, who);
        List<Map<String, Object>> stored = matrix.all(model);
        if (!result.ok()) {
            assertThat(stored).as("a refused create stores nothing").isEmpty();
            assertThat(result.data()).isNull();
            return false;
        }
        assertThat(stored).hasSize(1);
        assertThat(result.data()).isEqualTo(stored.get(0));
        return true;
    }

    private boolean get(String model, Principal who) {
        Map<String, Object> item = matrix.seed(model, UA_ITEM);
        ResolverResult result = matrix.run("Query", fieldOf(model, ModelOperationKind.GET),
                Map.of("id", item.get("id")), null, who);
        if (result.ok() && result.data() != null) {
            assertThat(result.data()).isEqualTo(item);
            return true;
        }
        assertThat(result.data()).as("a refused get returns no data").isNull();
        assertThat(errorTypes(result)).as("a refused get says why").containsExactly("Unauthorized");
        return false;
    }

    @SuppressWarnings("unchecked")
    private boolean list(String model, Principal who) {
        Map<String, Object> item = matrix.seed(model, UA_ITEM);
        ResolverResult result = matrix.run("Query", fieldOf(model, ModelOperationKind.LIST), Map.of(), null, who);
        if (result.data() == null) {
            assertThat(errorTypes(result)).as("a refused list says why").containsExactly("Unauthorized");
            return false;
        }
        assertThat(result.errors()).isEmpty();
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) result.data()).get("items");
        assertThat(items).allSatisfy(i -> assertThat(i).isEqualTo(item));
        return !items.isEmpty();
    }

    /** The model's index query on {@code team}, for UA's team. */
    @SuppressWarnings("unchecked")
    private boolean index(String model, Principal who) {
        Map<String, Object> item = matrix.seed(model, UA_ITEM);
        String query = matrix.plan.model(model).orElseThrow().indexes().get(0).queryField().orElseThrow();
        ResolverResult result = matrix.run("Query", query, Map.of("team", "Editors"), null, who);
        if (result.data() == null) {
            assertThat(errorTypes(result)).as("a refused index query says why").containsExactly("Unauthorized");
            return false;
        }
        assertThat(result.errors()).isEmpty();
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) result.data()).get("items");
        assertThat(items).allSatisfy(i -> assertThat(i).isEqualTo(item));
        return !items.isEmpty();
    }

    private boolean update(String model, Principal who) {
        Map<String, Object> item = matrix.seed(model, UA_ITEM);
        Map<String, Object> input = Map.of("id", item.get("id"), "content", "changed");
        ResolverResult result = matrix.run("Mutation", fieldOf(model, ModelOperationKind.UPDATE),
                Map.of("input", input), null, who);
        Map<String, Object> after = matrix.stored(model, (String) item.get("id")).orElseThrow();
        if (!result.ok()) {
            assertThat(after).as("a refused update changes nothing").isEqualTo(item);
            assertThat(result.data()).isNull();
            return false;
        }
        assertThat(after).containsEntry("content", "changed");
        assertThat(result.data()).isEqualTo(after);
        return true;
    }

    /** The field a reassign case changes: the rule kind's owner or group field; {@code owner} for static rules. */
    static String reassigned(RuleSet rules) {
        return rules.model().stream()
                .map(r -> r instanceof Owner o ? o.field() : r instanceof GroupField g ? g.field() : null)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse("owner");
    }

    /** What a reassign case stores in the field: UB, or the group Admin (which UA is not in). */
    static final Map<String, Object> REASSIGNED = Map.of(
            "owner", "sub-b::bob", "editors", List.of("sub-b::bob"), "team", "Admin", "teams", List.of("Admin"));

    private boolean reassign(String model, Principal who) {
        Map<String, Object> item = matrix.seed(model, UA_ITEM);
        String field = reassigned(rulesOf(kindOf(model)));
        Object value = REASSIGNED.get(field);
        ResolverResult result = matrix.run("Mutation", fieldOf(model, ModelOperationKind.UPDATE),
                Map.of("input", Map.of("id", item.get("id"), field, value)), null, who);
        Map<String, Object> after = matrix.stored(model, (String) item.get("id")).orElseThrow();
        if (!result.ok()) {
            assertThat(after).as("a refused reassignment changes nothing").isEqualTo(item);
            assertThat(result.data()).isNull();
            return false;
        }
        assertThat(after).containsEntry(field, value);
        return true;
    }

    static Kind kindOf(String model) {
        return java.util.Arrays.stream(Kind.values()).filter(k -> k.model.equals(model)).findFirst().orElseThrow();
    }

    private boolean delete(String model, Principal who) {
        Map<String, Object> item = matrix.seed(model, UA_ITEM);
        ResolverResult result = matrix.run("Mutation", fieldOf(model, ModelOperationKind.DELETE),
                Map.of("input", Map.of("id", item.get("id"))), null, who);
        Optional<Map<String, Object>> after = matrix.stored(model, (String) item.get("id"));
        if (!result.ok()) {
            assertThat(after).as("a refused delete keeps the item").contains(item);
            assertThat(result.data()).isNull();
            return false;
        }
        assertThat(after).isEmpty();
        assertThat(result.data()).isEqualTo(item);
        return true;
    }

    private boolean subscribe(String model, ModelOperationKind kind, Principal who) {
        Map<String, Object> event = new LinkedHashMap<>(UA_ITEM);
        event.put("id", matrix.newId(model));
        return delivered(matrix.run("Subscription", fieldOf(model, kind), Map.of(), null, who), event);
    }

    /** Subscribing succeeded and the server-side filter it set lets {@code event} through. */
    static boolean delivered(ResolverResult subscription, Map<String, Object> event) {
        if (!subscription.ok()) {
            assertThat(errorTypes(subscription)).containsExactly("Unauthorized");
            return false;
        }
        return subscription.extensions().subscriptionFilter()
                .map(filter -> {
                    assertThat(SubscriptionFilter.problems(filter)).as("AppSync accepts the filter").isEmpty();
                    return SubscriptionFilter.matches(filter, event);
                })
                .orElse(true);
    }

    private boolean runField(String field, Op op, Principal who) {
        Map<String, Object> patient = matrix.seed("Patient", PATIENT);
        String id = (String) patient.get("id");
        if (op == Op.FIELD_READ) {
            ResolverResult result = matrix.run("Query", "getPatient", Map.of("id", id), null, who);
            if (!(result.data() instanceof Map<?, ?> data)) {
                assertThat(errorTypes(result)).contains("Unauthorized");
                return false;
            }
            if (data.get(field) == null) {
                assertThat(errorTypes(result)).as("a redacted field says why").contains("Unauthorized");
                return false;
            }
            assertThat(data.get(field)).isEqualTo(patient.get(field));
            return true;
        }
        if (op == Op.FIELD_FILTER) {
            // Filtering on the field's true value: the item matches only if the caller may read the field.
            ResolverResult result = matrix.run("Query", "listPatients",
                    Map.of("filter", Map.of(field, Map.of("eq", patient.get(field)))), null, who);
            if (result.data() == null) {
                assertThat(errorTypes(result)).containsExactly("Unauthorized");
                return false;
            }
            return !((List<?>) ((Map<?, ?>) result.data()).get("items")).isEmpty();
        }
        ResolverResult result = matrix.run("Mutation", "updatePatient",
                Map.of("input", Map.of("id", id, field, "rewritten")), null, who);
        Map<String, Object> after = matrix.stored("Patient", id).orElseThrow();
        if (result.data() == null) {
            assertThat(errorTypes(result)).isNotEmpty();
            assertThat(after).as("a refused field write changes nothing").isEqualTo(patient);
            return false;
        }
        // The write happened; the response may still redact fields the caller may not read (F3), with errors.
        assertThat(errorTypes(result)).allMatch("Unauthorized"::equals);
        assertThat(after).containsEntry(field, "rewritten");
        return true;
    }

    @SuppressWarnings("unchecked")
    private boolean runTraversal(String type, String field, Principal who) {
        Map<String, Object> post = matrix.seed("Post", item("title", "A's post", "owner", "sub-a::alice"));
        Map<String, Object> comment = matrix.seed("Comment", item("postId", post.get("id"), "content", "hi"));
        if (type.equals("Post")) {
            ResolverResult result = matrix.run("Post", field, Map.of(), post, who);
            if (!(result.data() instanceof Map<?, ?> page)) {
                assertThat(errorTypes(result)).containsExactly("Unauthorized");
                return false;
            }
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            assertThat(items).allSatisfy(i -> assertThat(i).isEqualTo(comment));
            return !items.isEmpty();
        }
        ResolverResult result = matrix.run("Comment", field, Map.of(), comment, who);
        if (result.data() == null) {
            assertThat(errorTypes(result)).containsExactly("Unauthorized");
            return false;
        }
        assertThat(result.data()).isEqualTo(post);
        return true;
    }

    // ------------------------------------------------------------------------------------------ helpers

    static List<String> errorTypes(ResolverResult result) {
        return result.errors().stream().map(GraphQLError::errorType).map(t -> t.orElse("")).toList();
    }

    static Map<String, Object> item(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
