package io.amplify4j.cdk.nag;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One reviewed acknowledgement of a cdk-nag finding: which rule, which resources, optionally which granular
 * findings, and why the finding is accepted.
 *
 * <p>Acknowledgements are written into the template as {@code cdk_nag} metadata ({@code rules_to_suppress}), the
 * format cdk-nag 2.x reads, so a user who runs cdk-nag on an app that embeds our constructs sees the same findings
 * acknowledged with the same reasons, without our code depending on cdk-nag.
 *
 * @param id a stable key; it prefixes the reason so that a report shows which entry acknowledged a finding
 * @param ruleId the cdk-nag rule, for example {@code AwsSolutions-IAM5}
 * @param resourceTypes the CloudFormation types the entry may be applied to
 * @param appliesTo granular findings (cdk-nag's {@code applies_to}): literal finding ids, or regular expressions
 *     written {@code /.../}; empty means every finding of the rule on the resource
 * @param reason why the finding is accepted, in full sentences
 */
public record Acknowledgement(String id, String ruleId, Set<String> resourceTypes, List<String> appliesTo,
        String reason) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    public Acknowledgement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ruleId, "ruleId");
        resourceTypes = Set.copyOf(new TreeSet<>(resourceTypes));
        appliesTo = List.copyOf(appliesTo);
        Objects.requireNonNull(reason, "reason");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Acknowledgement id '" + id + "' must match " + ID);
        }
        if (ruleId.contains("[")) {
            throw new IllegalArgumentException("Acknowledgement " + id + ": put granular findings in appliesTo, "
                    + "not in the rule id " + ruleId);
        }
        if (reason.length() < 20) {
            throw new IllegalArgumentException("Acknowledgement " + id + " needs a reason of at least 20 characters");
        }
        if (!reason.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            // cdk-nag base64-encodes reasons with characters above 255; plain ASCII keeps them readable in templates
            throw new IllegalArgumentException("Acknowledgement " + id + ": write the reason in plain ASCII");
        }
        if (resourceTypes.isEmpty()) {
            throw new IllegalArgumentException("Acknowledgement " + id + " must name the resource types it covers");
        }
    }

    /** An entry for every finding of {@code ruleId} on resources of the given types. */
    public static Acknowledgement of(String id, String ruleId, String reason, String... resourceTypes) {
        return new Acknowledgement(id, ruleId, Set.of(resourceTypes), List.of(), reason);
    }

    /** The same entry narrowed to these granular findings (literal ids or {@code /regex/}). */
    public Acknowledgement appliesTo(List<String> findings) {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("Acknowledgement " + id + ": an empty appliesTo would cover every "
                    + "finding; use the entry itself for that");
        }
        return new Acknowledgement(id, ruleId, resourceTypes, findings, reason);
    }

    /** The reason as written into the template: prefixed with the entry's id so reports can attribute it. */
    public String taggedReason() {
        return tag(id) + " " + reason;
    }

    /** The prefix that marks a suppression reason as coming from entry {@code id}. */
    public static String tag(String id) {
        return "[amplify4j:" + id + "]";
    }

    /**
     * The id of the entry that wrote a tagged reason, or {@code null} for a reason someone else wrote. cdk-nag
     * prefixes the reason of a granular suppression with the finding ({@code [Resource::*] [amplify4j:id] ...}).
     */
    public static String idOf(String taggedReason) {
        if (taggedReason == null) {
            return null;
        }
        int start = taggedReason.startsWith("[amplify4j:") ? 0 : taggedReason.indexOf("] [amplify4j:");
        if (start < 0) {
            return null;
        }
        start = taggedReason.indexOf("[amplify4j:", start) + "[amplify4j:".length();
        int end = taggedReason.indexOf(']', start);
        return end < 0 ? null : taggedReason.substring(start, end);
    }
}
