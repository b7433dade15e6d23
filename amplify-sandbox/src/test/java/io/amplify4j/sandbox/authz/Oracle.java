package io.amplify4j.sandbox.authz;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The specification of who may do what, written from the rule semantics in {@code DESIGN.md} and
 * {@code security-and-reliability.md} (§2, §5a), independently of the resolver generator. It knows nothing of
 * JavaScript, DynamoDB or the plan: only principals, rules and items.
 *
 * <ol>
 *   <li><b>Deny by default; rules are OR-ed.</b> An access is allowed when at least one rule covering the access
 *       admits the caller for that item.</li>
 *   <li><b>Accesses.</b> create, update, delete are themselves; get, list, subscriptions (per event), field reads
 *       and relationship traversal are all <em>read</em>. A rule without {@code to(...)} covers all four.</li>
 *   <li><b>Static rules</b> admit whatever the item: publicApiKey (API key callers), guest (identity-pool
 *       unauthenticated identities of this backend's pool), authenticated (signed in through that provider:
 *       user pool by default, identity pool authenticated identities, OIDC), group (a user-pool caller whose token
 *       lists one of the groups; a token is a snapshot, so a user removed from a group keeps it until the token
 *       expires), custom (callers a Lambda authorizer admitted).</li>
 *   <li><b>Item rules</b> admit user-pool callers only, for items whose field names them: owner / ownersDefinedIn
 *       (the stored value, or one element of the stored list, is {@code <sub>::<username>} or {@code <sub>}; never
 *       the bare username), groupDefinedIn / groupsDefinedIn (the stored group, or one of the stored groups, is in
 *       the caller's token). On create, absent owner fields are first filled with the caller's
 *       {@code <sub>::<username>}.</li>
 *   <li><b>IAM principals</b> other than identity-pool identities get exactly what {@code resource(fn)} grants:
 *       the function's role, for the root types granted (QUERY covers get, list, field reads and traversal below
 *       them), on every model and field. Any other role is denied, whatever it is allowed in IAM.</li>
 *   <li><b>Field rules</b> replace the model's rules for their field; reading or writing the field needs the item
 *       access <em>and</em> the field access.</li>
 *   <li><b>Traversal</b> applies the TARGET model's read rules to the related item.</li>
 *   <li><b>Owner fields are immutable</b> except for an owner under a rule with {@code allowOwnerTransfer}, and
 *       callers admitted by a static rule. <b>Group fields</b> likewise, and no rule lets a member move an item to
 *       another group (decided here: the references are silent; create already refuses an item for a group the
 *       caller is not in, so update must not allow the same by moving one).</li>
 * </ol>
 */
final class Oracle {
    private Oracle() {}

    /** What a rule can be limited to. */
    enum Access {
        CREATE, READ, UPDATE, DELETE
    }

    /** The root type an operation lives under, which is what a {@code resource} grant names. */
    enum Root {
        QUERY, MUTATION, SUBSCRIPTION
    }

    /** How a caller authenticated. */
    enum Mode {
        API_KEY, USER_POOL, OIDC, IDENTITY_GUEST, IDENTITY_USER, IAM_ROLE, LAMBDA
    }

    /**
     * A caller as the rules see it.
     *
     * @param sub user pool or OIDC subject
     * @param username user pool username
     * @param groups the groups the token lists
     * @param role the IAM role name, for IAM principals
     */
    record Principal(String name, Mode mode, String sub, String username, List<String> groups, String role) {
        /** The values an owner field may hold to name this caller. */
        List<String> ownerValues() {
            return mode == Mode.USER_POOL ? List.of(sub + "::" + username, sub) : List.of();
        }

        /** What create stores in an absent owner field. */
        Optional<String> ownerIdentity() {
            return mode == Mode.USER_POOL ? Optional.of(sub + "::" + username) : Optional.empty();
        }
    }

    /** One authorization rule. */
    sealed interface Rule {
        Set<Access> to();
    }

    record PublicApiKey(Set<Access> to) implements Rule {}

    record Guest(Set<Access> to) implements Rule {}

    /** {@code provider}: USER_POOL, IDENTITY_USER or OIDC. */
    record Authenticated(Mode provider, Set<Access> to) implements Rule {}

    record Owner(String field, boolean multiple, boolean transfer, Set<Access> to) implements Rule {}

    record Groups(List<String> groups, Set<Access> to) implements Rule {}

    record GroupField(String field, boolean multiple, Set<Access> to) implements Rule {}

    record Custom(Set<Access> to) implements Rule {}

    static Set<Access> all() {
        return EnumSet.allOf(Access.class);
    }

    static Set<Access> only(Access first, Access... rest) {
        return EnumSet.of(first, rest);
    }

    /**
     * A model's rules, its fields' rules, and the schema-level grants.
     *
     * @param grants IAM role name → root types its function may call
     */
    record RuleSet(List<Rule> model, Map<String, List<Rule>> fields, Map<String, Set<Root>> grants) {
        RuleSet withFields(Map<String, List<Rule>> fieldRules) {
            return new RuleSet(model, fieldRules, grants);
        }
    }

    /** May {@code caller} perform {@code access} (under root type {@code root}) on {@code item}? */
    static boolean permits(RuleSet rules, Root root, Access access, Principal caller, Map<String, Object> item) {
        if (caller.mode() == Mode.IAM_ROLE) {
            return rules.grants().getOrDefault(caller.role(), Set.of()).contains(root);
        }
        return anyAdmits(rules.model(), access, caller, item);
    }

    /** May {@code caller} perform {@code access} on {@code field} of {@code item}: the item access and the field's. */
    static boolean permitsField(
            RuleSet rules, Root root, Access access, String field, Principal caller, Map<String, Object> item) {
        if (!permits(rules, root, access, caller, item)) {
            return false;
        }
        if (caller.mode() == Mode.IAM_ROLE) {
            return true;
        }
        List<Rule> fieldRules = rules.fields().get(field);
        return fieldRules == null || anyAdmits(fieldRules, access, caller, item);
    }

    /** The item create would store: absent owner fields hold the caller's identity. */
    static Map<String, Object> afterCreate(RuleSet rules, Map<String, Object> input, Principal caller) {
        var item = new java.util.LinkedHashMap<>(input);
        for (Rule rule : rules.model()) {
            if (rule instanceof Owner owner && !item.containsKey(owner.field()) && caller.ownerIdentity().isPresent()) {
                String me = caller.ownerIdentity().get();
                item.put(owner.field(), owner.multiple() ? List.of(me) : me);
            }
        }
        return item;
    }

    /**
     * May {@code caller} change {@code field}, an owner or group field of {@code before}? Only a caller a static
     * rule admits, or one that owns the item under an owner rule on that field allowing owner transfer.
     */
    static boolean mayChangeOwnerField(RuleSet rules, String field, Principal caller, Map<String, Object> before) {
        for (Rule rule : rules.model()) {
            if (!rule.to().contains(Access.UPDATE)) {
                continue;
            }
            if (isStatic(rule) && admits(rule, caller, before)) {
                return true;
            }
            if (rule instanceof Owner owner && owner.field().equals(field) && owner.transfer()
                    && admits(rule, caller, before)) {
                return true;
            }
        }
        return false;
    }

    /** Is {@code field} named by an owner or group-field rule? */
    static boolean isAuthField(RuleSet rules, String field) {
        return rules.model().stream().anyMatch(r -> (r instanceof Owner o && o.field().equals(field))
                || (r instanceof GroupField g && g.field().equals(field)));
    }

    private static boolean isStatic(Rule rule) {
        return !(rule instanceof Owner) && !(rule instanceof GroupField);
    }

    private static boolean anyAdmits(List<Rule> rules, Access access, Principal caller, Map<String, Object> item) {
        return rules.stream().anyMatch(rule -> rule.to().contains(access) && admits(rule, caller, item));
    }

    private static boolean admits(Rule rule, Principal caller, Map<String, Object> item) {
        if (rule instanceof PublicApiKey) {
            return caller.mode() == Mode.API_KEY;
        } else if (rule instanceof Guest) {
            return caller.mode() == Mode.IDENTITY_GUEST;
        } else if (rule instanceof Authenticated r) {
            return caller.mode() == r.provider();
        } else if (rule instanceof Custom) {
            return caller.mode() == Mode.LAMBDA;
        } else if (rule instanceof Groups r) {
            return caller.mode() == Mode.USER_POOL && caller.groups().stream().anyMatch(r.groups()::contains);
        } else if (rule instanceof Owner r) {
            return caller.mode() == Mode.USER_POOL && holdsAny(item.get(r.field()), caller.ownerValues());
        } else {
            GroupField r = (GroupField) rule;
            return caller.mode() == Mode.USER_POOL && holdsAny(item.get(r.field()), caller.groups());
        }
    }

    /** The stored value (a string, or a list of strings) is, or contains, one of {@code wanted}. */
    private static boolean holdsAny(Object stored, Collection<String> wanted) {
        if (stored instanceof String s) {
            return wanted.contains(s);
        }
        if (stored instanceof List<?> list) {
            return list.stream().anyMatch(wanted::contains);
        }
        return false;
    }
}
