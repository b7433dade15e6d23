package io.amplify4j.cdk;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the secrets a definition names ({@code Secrets.secret("NAME")}) live. Secret values never enter a template
 * or an environment variable: templates carry CloudFormation dynamic references (resolved by CloudFormation at
 * deploy time) and functions carry the secret's name and read it at run time with least-privilege access to exactly
 * that secret.
 */
public enum SecretStore {
    /**
     * SSM Parameter Store. A name starting with {@code /} is used as is; otherwise it is placed under
     * {@code /amplify4j/<backend>/}. Functions read SecureString parameters at run time; CloudFormation resolves
     * String parameters for identity-provider settings ({@code {{resolve:ssm:...}}}).
     */
    SSM_PARAMETER,
    /** AWS Secrets Manager, by secret name; CloudFormation and functions both read the secret string. */
    SECRETS_MANAGER;

    private static final Pattern SSM_SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern SECRETS_MANAGER_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern SECRETS_MANAGER_SUFFIX = Pattern.compile(".*-[A-Za-z0-9]{6}");

    /**
     * The full name of a secret in this store, checked against the store's naming rules.
     *
     * @param place where the definition names it, for the message
     * @param backendName the backend's name (the default SSM path prefix)
     * @param name the name as the definition gives it
     * @throws IllegalArgumentException naming the place and the fix when the name is malformed for this store
     */
    public String resolve(String place, String backendName, String name) {
        if (this == SECRETS_MANAGER) {
            if (!SECRETS_MANAGER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(place + ": secret name '" + name + "' is not a valid Secrets "
                        + "Manager name. Use 1 to 512 letters, digits or /_+=.@- characters.");
            }
            if (SECRETS_MANAGER_SUFFIX.matcher(name).matches()) {
                throw new IllegalArgumentException(place + ": secret name '" + name + "' ends with a hyphen and six "
                        + "characters, which Secrets Manager confuses with the random suffix of a secret ARN. "
                        + "Rename the secret, for example without the last hyphen.");
            }
            return name;
        }
        String path = name.startsWith("/") ? name : "/amplify4j/" + backendName + "/" + name;
        String[] segments = path.substring(1).split("/", -1);
        for (String segment : segments) {
            if (!SSM_SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException(place + ": secret name '" + name + "' makes the SSM parameter "
                        + "name '" + path + "', which has an empty or invalid path part. Use letters, digits, "
                        + "_ . - separated by single slashes.");
            }
        }
        if (segments.length > 15) {
            throw new IllegalArgumentException(place + ": SSM parameter '" + path + "' has " + segments.length
                    + " levels; SSM allows at most 15. Use a shorter path.");
        }
        String first = segments[0].toLowerCase(Locale.ROOT);
        if (first.startsWith("aws") || first.startsWith("ssm")) {
            throw new IllegalArgumentException(place + ": SSM parameter '" + path + "' starts with '" + segments[0]
                    + "'; names beginning with aws or ssm are reserved. Choose another first path part.");
        }
        if (path.length() > 1011) {
            throw new IllegalArgumentException(place + ": SSM parameter '" + path + "' is longer than 1011 "
                    + "characters. Use a shorter name.");
        }
        return path;
    }

    /** A CloudFormation dynamic reference to the secret's value, resolved at deploy time. */
    public String dynamicReference(String resolvedName) {
        return this == SECRETS_MANAGER
                ? "{{resolve:secretsmanager:" + resolvedName + ":SecretString:::}}"
                : "{{resolve:ssm:" + resolvedName + "}}";
    }
}
