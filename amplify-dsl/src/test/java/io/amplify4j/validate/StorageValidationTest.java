package io.amplify4j.validate;

import static io.amplify4j.validate.ModelFixtures.*;

import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.model.storage.StorageDefinition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Storage: the ten path rules of §3.5 (#22–#24), access rules (#25), default buckets (#26), CORS, triggers. */
class StorageValidationTest {

    private static Backend paths(String... paths) {
        return backend().storage(bucketWithPaths(paths));
    }

    // ---- §3.5 rules 1 to 4 (#22) ----

    @Test
    void rule1PathMustNotStartWithSlash() {
        assertProblems(paths("/photos/*"), "storage.media.access[\"/photos/*\"]: Storage access paths must not start "
                + "with \"/\". Found `/photos/*`; remove the leading slash.");
    }

    @Test
    void rule2PathMustEndWithSlashStar() {
        assertProblems(paths("photos"), "storage.media.access[\"photos\"]: Storage access paths must end with \"/*\". "
                + "Found `photos`; write it as `photos/*`.");
    }

    @Test
    void rule3PathMustNotContainDoubleSlash() {
        assertProblems(paths("a//b/*"), "storage.media.access[\"a//b/*\"]: Path cannot contain \"//\". Found `a//b/*`; "
                + "remove the empty path part.");
    }

    @Test
    void rule4WildcardOnlyAtTheEnd() {
        assertProblems(paths("a/*/b/*"), "storage.media.access[\"a/*/b/*\"]: Wildcards are only allowed as the final "
                + "part of a path. Found `a/*/b/*`; remove the other wildcards.");
    }

    // ---- rule 5 (#23) ----

    @Test
    void rule5AtMostOneOtherPathIsAPrefix() {
        assertProblems(paths("foo/*", "foo/bar/*", "foo/bar/baz/*", "foo/baz/*"),
                "storage.media.access[\"foo/bar/baz/*\"]: For any given path, only one other path can be a prefix of "
                        + "it. Found `foo/bar/baz/*` which has prefixes [`foo/*`, `foo/bar/*`]; keep at most one of "
                        + "them above this path.");
    }

    // ---- rules 6 to 10 (#24) ----

    @Test
    void rule6EntityPathHasNoPrefix() {
        assertProblems(paths("a/*", "a/{entity_id}/*"), "storage.media.access[\"a/{entity_id}/*\"]: A path cannot be a "
                + "prefix of another path that contains the {entity_id} token. Found `a/{entity_id}/*` which has "
                + "prefixes [`a/*`]; remove the prefix path or move this one elsewhere.");
    }

    @Test
    void rule7EntityTokenOnlyOnce() {
        assertProblems(paths("a/{entity_id}/{entity_id}/*"), "storage.media.access[\"a/{entity_id}/{entity_id}/*\"]: "
                + "The {entity_id} token can only appear once in a path. Found `a/{entity_id}/{entity_id}/*`; remove "
                + "all but one occurrence.");
    }

    @Test
    void rule8EntityTokenRightBeforeTheWildcard() {
        assertProblems(paths("a/{entity_id}/b/*"), "storage.media.access[\"a/{entity_id}/b/*\"]: The {entity_id} token "
                + "must be the path part right before the ending wildcard. Found `a/{entity_id}/b/*`; for example "
                + "`foo/bar/{entity_id}/*`.");
    }

    @Test
    void rule9EntityTokenNotFirst() {
        assertProblems(paths("{entity_id}/*"), "storage.media.access[\"{entity_id}/*\"]: The {entity_id} token must "
                + "not be the first path part. Found `{entity_id}/*`; add a prefix, for example `foo/{entity_id}/*`.");
    }

    @Test
    void rule10EntityTokenAloneInItsPart() {
        assertProblems(paths("a/x{entity_id}/*"), "storage.media.access[\"a/x{entity_id}/*\"]: A path part that "
                + "includes the {entity_id} token cannot include any other characters. Found `a/x{entity_id}/*`; for "
                + "example `foo/{entity_id}/*`.");
    }

    @Test
    void validPathsPass() {
        assertProblems(paths("public/*", "public/admin/*", "private/{entity_id}/*", "media/{entity_id}/*"));
    }

    @Test
    void pathListedTwice() {
        assertProblems(paths("a/*", "a/*"), "storage.media.access[\"a/*\"]: Path `a/*` is listed more than once in "
                + "storage `media`. Merge its rules.");
    }

    // ---- access rules (#25) ----

    @Test
    void accessorListedTwiceOnOnePath() {
        Backend b = backend().storage(bucket("media", path("foo/*", allow(signedIn(), StorageAction.READ),
                allow(signedIn(), StorageAction.WRITE))));
        assertProblems(b, "storage.media.access[\"foo/*\"].rules[1]: `authenticated` is specified multiple times on "
                + "path `foo/*` of storage `media`. Combine the actions into one rule.");
    }

    @Test
    void groupListedTwiceOnOnePath() {
        Backend b = backend().storage(bucket("media", path("foo/*", allow(inGroups("ADMINS"), StorageAction.READ),
                allow(inGroups("ADMINS"), StorageAction.WRITE))));
        assertProblems(b, "storage.media.access[\"foo/*\"].rules[1]: `group ADMINS` is specified multiple times on "
                + "path `foo/*` of storage `media`. Combine the actions into one rule.");
    }

    @Test
    void readIsExclusiveWithGetAndList() {
        Backend b = backend().storage(bucket("media", path("foo/*", allow(signedIn(), StorageAction.READ,
                StorageAction.GET))));
        assertProblems(b, "storage.media.access[\"foo/*\"].rules[0]: Rule `authenticated` on path `foo/*` of storage "
                + "`media` combines `read` with `get` or `list`; read already includes them. Use either read or get "
                + "and list.");
    }

    @Test
    void ruleWithoutActions() {
        assertProblems(backend().storage(bucket("media", path("foo/*", allow(guests())))),
                "storage.media.access[\"foo/*\"].rules[0]: Rule `guest` on path `foo/*` of storage `media` grants no "
                        + "actions. Add read, get, list, write or delete.");
    }

    @Test
    void identityRulesNeedAuth() {
        Backend b = backend().noAuth().storage(bucket("media",
                path("foo/*", allow(guests(), StorageAction.READ), allow(inGroups("ADMINS"), StorageAction.READ)),
                path("private/{entity_id}/*", allow(entity(), StorageAction.READ))));
        assertProblems(b,
                "storage.media.access[\"foo/*\"].rules[0]: Cannot specify auth access for guest users without "
                        + "defining auth. Define auth or remove the rule (rule `guest` on path `foo/*` of storage "
                        + "`media`).",
                "storage.media.access[\"foo/*\"].rules[1]: Cannot specify auth access for groups users without "
                        + "defining auth. Define auth or remove the rule (rule `groups [ADMINS]` on path `foo/*` of "
                        + "storage `media`).",
                "storage.media.access[\"private/{entity_id}/*\"].rules[0]: Cannot specify auth access for entity users "
                        + "without defining auth. Define auth or remove the rule (rule `entity identity` on path "
                        + "`private/{entity_id}/*` of storage `media`).");
    }

    @Test
    void groupNotDeclaredInAuth() {
        assertProblems(backend().storage(bucket("media", path("foo/*", allow(inGroups("Admins"), StorageAction.READ)))),
                "storage.media.access[\"foo/*\"].rules[0]: Group `Admins` in rule `groups [Admins]` on path `foo/*` of "
                        + "storage `media` is not defined in auth.groups. Declare it in auth or fix the name "
                        + "(declared: [`ADMINS`]).");
    }

    @Test
    void groupsRuleNamesAGroup() {
        assertProblems(backend().storage(bucket("media", path("foo/*", allow(inGroups(), StorageAction.READ)))),
                "storage.media.access[\"foo/*\"].rules[0]: Rule `groups []` on path `foo/*` of storage `media` names no "
                        + "group. Name at least one group.");
    }

    @Test
    void resourceFunctionMustExist() {
        assertProblems(backend().storage(bucket("media", path("foo/*", allow(resource("ghost"), StorageAction.READ)))),
                "storage.media.access[\"foo/*\"].rules[0]: Rule `resource ghost` on path `foo/*` of storage `media` "
                        + "names function `ghost`, which is not defined. Define the function or fix the name.");
    }

    @Test
    void entityRuleNeedsAnEntityPath() {
        assertProblems(backend().storage(bucket("media", path("photos/*", allow(entity(), StorageAction.READ)))),
                "storage.media.access[\"photos/*\"].rules[0]: Rule `entity identity` on path `photos/*` of storage "
                        + "`media` needs a path with the {entity_id} token. Use a path like `photos/{entity_id}/*` or "
                        + "another accessor.");
    }

    // ---- buckets (#26), triggers, CORS ----

    @Test
    void twoDefaultBuckets() {
        assertProblems(backend().storage(defaultBucket("a")).storage(defaultBucket("b")),
                "storage: More than one default storage set: [`a`, `b`]. Mark exactly one bucket as default.");
    }

    @Test
    void severalBucketsAndNoDefault() {
        assertProblems(backend().storage(bucket("a")).storage(bucket("b")),
                "storage: No default storage set among [`a`, `b`]. Mark exactly one bucket as default with isDefault.");
    }

    @Test
    void bucketNamesAreUnique() {
        assertProblems(backend().storage(defaultBucket("media")).storage(bucket("media")),
                "storage.media: Storage `media` is defined more than once. Give each bucket its own name.");
    }

    @Test
    void triggerFunctionsMustExist() {
        Backend b = backend().storage(new StorageDefinition("media", false, false, List.of(), List.of(),
                Optional.of("ghost"), Optional.of("gone")));
        assertProblems(b,
                "storage.media.onUpload: Upload trigger function `ghost` is not defined. Define the function or fix "
                        + "the name.",
                "storage.media.onDelete: Delete trigger function `gone` is not defined. Define the function or fix "
                        + "the name.");
    }

    @Test
    void corsOrigins() {
        Backend b = backend().storage(new StorageDefinition("media", false, false,
                List.of("*", "https://example.com/app", "ftp://example.com", "https://*.example.com",
                        "http://localhost:3000", "https://example.com"),
                List.of(), Optional.empty(), Optional.empty()));
        assertProblems(b,
                "storage.media.corsOrigins[0]: CORS origin `*` allows every origin, so it must be the only one. Remove "
                        + "`*` or the other origins.",
                "storage.media.corsOrigins[1]: CORS origin `https://example.com/app` is not an origin. Use `*` alone, "
                        + "or http(s)://host[:port] without path or wildcard.",
                "storage.media.corsOrigins[2]: CORS origin `ftp://example.com` is not an origin. Use `*` alone, or "
                        + "http(s)://host[:port] without path or wildcard.",
                "storage.media.corsOrigins[3]: CORS origin `https://*.example.com` is not an origin. Use `*` alone, or "
                        + "http(s)://host[:port] without path or wildcard.");
    }

    @Test
    void wildcardOriginIsRefusedInProduction() {
        Backend b = backend().storage(new StorageDefinition("media", true, false, List.of("*"), List.of(),
                Optional.empty(), Optional.empty()));
        b.profile = io.amplify4j.model.Profile.PRODUCTION;
        assertProblems(b, "storage.media.corsOrigins[0]: CORS origin `*` allows every web site in the production "
                + "profile. List the app's origins instead.");
    }

    @Test
    void wildcardOriginAloneIsFine() {
        assertProblems(backend().storage(new StorageDefinition("media", true, false, List.of("*"), List.of(),
                Optional.empty(), Optional.empty())));
    }
}
