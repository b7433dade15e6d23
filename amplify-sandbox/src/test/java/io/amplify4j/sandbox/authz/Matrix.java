package io.amplify4j.sandbox.authz;

import io.amplify4j.plan.BackendPlan;
import io.amplify4j.plan.DataPlan;
import io.amplify4j.plan.TablePlan;
import io.amplify4j.plan.resolver.ResolverNames;
import io.amplify4j.sandbox.datasource.DataSourceException;
import io.amplify4j.sandbox.dynamodb.DynamoDbDataSource;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.runtime.Caller;
import io.amplify4j.sandbox.runtime.PlanResolvers;
import io.amplify4j.sandbox.authz.Oracle.Mode;
import io.amplify4j.sandbox.authz.Oracle.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The matrix's harness: the principals, how each becomes an authenticated sandbox {@link Caller}, the backend's
 * plan running in {@link PlanResolvers}, and direct store access to seed items and check what changed.
 *
 * <p>Callers the server rejects before any resolver runs (ANON: no credentials; KEYX: an expired API key) are not
 * principals here; see {@code RejectedBeforeResolversTest}.
 */
final class Matrix implements AutoCloseable {
    static final String ACCOUNT = "123456789012";
    static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Matrix";
    static final String OIDC_ISSUER = "https://idp.example.com";
    static final String IDENTITY_POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
    static final String REPORTER_ROLE = "matrix-reporter-role";
    static final String INTRUDER_ROLE = "matrix-intruder-role";
    static final String TIME = "2026-01-01T00:00:00.000Z";

    static final Principal KEY = new Principal("KEY", Mode.API_KEY, null, null, List.of(), null);
    static final Principal GUEST = new Principal("GUEST", Mode.IDENTITY_GUEST, null, null, List.of(), null);
    static final Principal IDP_USER = new Principal("IDP_USER", Mode.IDENTITY_USER, null, null, List.of(), null);
    /** User A: member of Editors. The matrix's stored item is A's. */
    static final Principal UA = new Principal("UA", Mode.USER_POOL, "sub-a", "alice", List.of("Editors"), null);
    static final Principal UB = new Principal("UB", Mode.USER_POOL, "sub-b", "bob", List.of(), null);
    static final Principal UADM = new Principal("UADM", Mode.USER_POOL, "sub-adm", "ada", List.of("Admin"), null);
    static final Principal UADM2 = new Principal("UADM2", Mode.USER_POOL, "sub-adm2", "max",
            List.of("Admin", "Editors"), null);
    /**
     * Removed from Admin, still holding a token that lists it: allowed as Admin until the token expires (a token
     * is a snapshot, §2 #12); the server rejects the token after {@code exp}.
     */
    static final Principal USTALE = new Principal("USTALE", Mode.USER_POOL, "sub-stale", "sam", List.of("Admin"), null);
    /** In six groups, Editors among them: more than one subscription filter {@code in} list holds (five). */
    static final Principal UMANY = new Principal("UMANY", Mode.USER_POOL, "sub-many", "mo",
            List.of("Sales", "Support", "Legal", "Ops", "Finance", "Editors"), null);
    /** An OIDC caller whose subject happens to equal UA's: OIDC is not the user pool. */
    static final Principal OIDC_A = new Principal("OIDC_A", Mode.OIDC, "sub-a", "alice", List.of("Admin"), null);
    static final Principal FN_OK = new Principal("FN_OK", Mode.IAM_ROLE, null, null, List.of(), REPORTER_ROLE);
    static final Principal FN_NO = new Principal("FN_NO", Mode.IAM_ROLE, null, null, List.of(), INTRUDER_ROLE);
    static final Principal IAM_OTHER = new Principal("IAM_OTHER", Mode.IAM_ROLE, null, null, List.of(), "OpsAdmin");
    static final Principal LAMBDA_AUTH = new Principal("LAMBDA_AUTH", Mode.LAMBDA, null, null, List.of(), null);

    static final List<Principal> PRINCIPALS = List.of(
            KEY, GUEST, IDP_USER, UA, UB, UADM, UADM2, USTALE, UMANY, OIDC_A, FN_OK, FN_NO, IAM_OTHER, LAMBDA_AUTH);

    final DataPlan plan;
    final PlanResolvers api;
    private final AtomicInteger ids = new AtomicInteger();

    Matrix() {
        plan = BackendPlan.of(MatrixBackend.define()).data().orElseThrow();
        api = PlanResolvers.builder(plan)
                .env(ResolverNames.USER_POOL_ISSUER_ENV, ISSUER)
                .env(ResolverNames.IDENTITY_POOL_ID_ENV, IDENTITY_POOL)
                .env(ResolverNames.functionRoleArnEnv(MatrixBackend.REPORTER), roleArn(REPORTER_ROLE))
                .build();
    }

    static String roleArn(String role) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + role;
    }

    /** The sandbox caller the server would hand the resolvers for {@code principal}. */
    static Caller caller(Principal p) {
        return switch (p.mode()) {
            case API_KEY -> Caller.apiKey();
            case USER_POOL -> Caller.user(ISSUER, p.sub(), p.username(), p.groups());
            case OIDC -> {
                Map<String, Object> claims = new LinkedHashMap<>();
                claims.put("sub", p.sub());
                claims.put("iss", OIDC_ISSUER);
                claims.put("username", p.username());
                claims.put("cognito:username", p.username());
                claims.put("cognito:groups", p.groups());
                yield Caller.oidc(claims);
            }
            case IDENTITY_GUEST -> Caller.identityPool(IDENTITY_POOL, "us-east-1:guest-0001", true);
            case IDENTITY_USER -> Caller.identityPool(IDENTITY_POOL, "us-east-1:user-0001", false);
            case IAM_ROLE -> Caller.iam("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + p.role() + "/session-1");
            case LAMBDA -> Caller.lambda(Map.of("tenant", "t1"));
        };
    }

    ResolverResult run(String type, String field, Map<String, Object> args, Object source, Principal who) {
        return api.execute(type, field, args, source, caller(who));
    }

    /** A fresh id. */
    String newId(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    /** Stores an item with a fresh id and timestamps, as plain JSON, and returns it. */
    Map<String, Object> seed(String model, Map<String, Object> attributes) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", newId(model));
        item.putAll(attributes);
        item.putIfAbsent("createdAt", TIME);
        item.putIfAbsent("updatedAt", TIME);
        Map<String, Object> typed = new LinkedHashMap<>();
        item.forEach((k, v) -> typed.put(k, typed(v)));
        invoke(model, Map.of("operation", "PutItem", "key", Map.of("id", typed(item.get("id"))),
                "attributeValues", typed));
        return item;
    }

    /** The stored item, as plain JSON. */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> stored(String model, String id) {
        return Optional.ofNullable((Map<String, Object>) invoke(model,
                Map.of("operation", "GetItem", "key", Map.of("id", typed(id)))));
    }

    /** Every stored item of the model. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> all(String model) {
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> page = (Map<String, Object>) invoke(model, Map.of("operation", "Scan", "limit", 1000));
        items.addAll((List<Map<String, Object>>) page.get("items"));
        return items;
    }

    /** Empties every table, so that each case starts from nothing. */
    void wipe() {
        for (TablePlan table : plan.tables()) {
            for (Map<String, Object> item : all(table.model())) {
                invoke(table.model(), Map.of("operation", "DeleteItem", "key", Map.of("id", typed(item.get("id")))));
            }
        }
    }

    private Object invoke(String model, Map<String, Object> request) {
        TablePlan table = plan.table(model).orElseThrow();
        DynamoDbDataSource source = api.store().dataSource(table.tableName());
        try {
            return source.invoke(request);
        } catch (DataSourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** DynamoDB's typed JSON of a plain value. */
    static Object typed(Object value) {
        if (value == null) {
            return Map.of("NULL", true);
        } else if (value instanceof String s) {
            return Map.of("S", s);
        } else if (value instanceof Number n) {
            return Map.of("N", n.toString());
        } else if (value instanceof Boolean b) {
            return Map.of("BOOL", b);
        } else if (value instanceof List<?> list) {
            return Map.of("L", list.stream().map(Matrix::typed).toList());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, typed(v)));
            return Map.of("M", out);
        }
        throw new IllegalArgumentException("not JSON: " + value);
    }

    @Override
    public void close() {
        api.close();
    }
}
