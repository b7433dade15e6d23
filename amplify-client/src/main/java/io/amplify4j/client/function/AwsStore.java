package io.amplify4j.client.function;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@link FunctionEnvironment.Store} on the AWS SDK v2: the function's own credentials and region from its
 * environment (Lambda sets both). Kept apart so that nothing of the SDK loads until a placeholder needs it.
 */
final class AwsStore implements FunctionEnvironment.Store {
    private volatile SsmClient ssm;
    private volatile SecretsManagerClient secretsManager;

    @Override
    public String ssmParameter(String path) {
        SsmClient client = ssm;
        if (client == null) {
            synchronized (this) {
                if (ssm == null) {
                    ssm = SsmClient.create();
                }
                client = ssm;
            }
        }
        return client.getParameter(r -> r.name(path).withDecryption(true)).parameter().value();
    }

    @Override
    public String secret(String secretId) {
        SecretsManagerClient client = secretsManager;
        if (client == null) {
            synchronized (this) {
                if (secretsManager == null) {
                    secretsManager = SecretsManagerClient.create();
                }
                client = secretsManager;
            }
        }
        return client.getSecretValue(r -> r.secretId(secretId)).secretString();
    }
}
