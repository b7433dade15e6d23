package io.amplify4j.plan;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.auth.AuthDefinition.UserGroup;
import io.amplify4j.model.Canonical;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.DataDefinition;
import io.amplify4j.model.data.FieldDefinition;
import io.amplify4j.model.data.ModelDefinition;
import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.model.storage.StorageAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The identity pool of a backend with auth: whether it hands out guest identities, and which role a signed-in
 * user's identity assumes.
 *
 * <p>Role mapping follows Amplify's (Token rules, ambiguous resolution to the authenticated role): a user in
 * groups gets the role of the group with the lowest precedence, Cognito's {@code cognito:preferred_role}; a user in
 * no group, or whose lowest precedence is shared by two groups, gets the authenticated role.
 *
 * @param allowUnauthenticatedIdentities true exactly when a data or storage rule uses {@code guest()} (DESIGN
 *     stance: guest identities exist only when a rule uses guest)
 * @param groups the user pool groups, lowest precedence first
 */
public record IdentityPoolPlan(boolean allowUnauthenticatedIdentities, List<UserGroup> groups) {

    public IdentityPoolPlan {
        groups = Canonical.list(groups).stream().sorted(Comparator.comparingInt(UserGroup::precedence)).toList();
    }

    /** The identity pool of {@code model}, which exists exactly when the backend has auth. */
    static Optional<IdentityPoolPlan> of(BackendModel model) {
        return model.auth().map(auth -> new IdentityPoolPlan(usesGuest(model), auth.groups()));
    }

    /** The role a signed-in user in {@code userGroups} (their {@code cognito:groups}) assumes. */
    public IamPrincipal roleFor(Collection<String> userGroups) {
        Objects.requireNonNull(userGroups, "userGroups");
        List<UserGroup> mine = groups.stream().filter(g -> userGroups.contains(g.name())).toList();
        if (mine.isEmpty() || mine.size() > 1 && mine.get(0).precedence() == mine.get(1).precedence()) {
            return IamPrincipal.authenticated();
        }
        return IamPrincipal.group(mine.get(0).name());
    }

    private static boolean usesGuest(BackendModel model) {
        boolean storage = model.storage().stream()
                .flatMap(b -> b.access().stream())
                .flatMap(p -> p.rules().stream())
                .anyMatch(r -> r.accessor() instanceof StorageAccessor.Guest);
        boolean data = model.data().map(IdentityPoolPlan::dataRules).orElse(Stream.empty())
                .anyMatch(r -> r instanceof AuthRule.Guest);
        return storage || data;
    }

    private static Stream<AuthRule> dataRules(DataDefinition data) {
        List<AuthRule> rules = new ArrayList<>(data.rules());
        for (ModelDefinition model : data.models()) {
            rules.addAll(model.rules());
            model.fields().stream().map(FieldDefinition::rules).forEach(rules::addAll);
            model.relationships().stream().map(RelationshipDefinition::rules).forEach(rules::addAll);
        }
        data.operations().stream().map(CustomOperation::rules).forEach(rules::addAll);
        return rules.stream();
    }
}
