package io.amplify4j.cdk.outputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.model.storage.StorageDefinition;
import io.amplify4j.outputs.AmplifyOutputs;
import io.amplify4j.plan.BackendPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code amplify_outputs.json} from the file {@code cdk deploy --outputs-file cdk-outputs.json} writes:
 * the deployment values (region, pool ids, endpoint, API key, bucket names) come from the stack's outputs named
 * by {@link OutputKeys}, everything else from the plan, through {@link AmplifyOutputs}.
 *
 * <p>Other outputs in the file (other stacks, other constructs, cdk-nag metadata) are ignored.
 */
public final class CdkOutputsReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CdkOutputsReader() {}

    /** The stack's outputs in a CDK outputs file: stack name → output name → value. */
    public static Map<String, String> stackOutputs(Path outputsFile, String stackName) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(outputsFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CDK outputs file " + outputsFile, e);
        }
        JsonNode stack = root.path(stackName);
        if (!stack.isObject()) {
            List<String> stacks = new ArrayList<>();
            root.fieldNames().forEachRemaining(stacks::add);
            throw new IllegalArgumentException(outputsFile + " has no outputs of stack '" + stackName + "' (it has "
                    + stacks + "); pass the name of the stack that holds the AmplifyBackend");
        }
        Map<String, String> outputs = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stack.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isValueNode()) {
                outputs.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return outputs;
    }

    /** The outputs of {@code plan} deployed as stack {@code stackName}, read from a CDK outputs file. */
    public static AmplifyOutputs read(Path outputsFile, String stackName, BackendPlan plan) {
        return fromStackOutputs(stackOutputs(outputsFile, stackName), plan);
    }

    /** The outputs of {@code plan} from a stack's output values. */
    public static AmplifyOutputs fromStackOutputs(Map<String, String> outputs, BackendPlan plan) {
        AmplifyOutputs.Builder builder = AmplifyOutputs.builder(plan);
        value(outputs, OutputKeys.REGION).ifPresent(builder::region);
        value(outputs, OutputKeys.USER_POOL_ID).ifPresent(pool -> builder.userPool(pool,
                value(outputs, OutputKeys.USER_POOL_CLIENT_ID).orElseThrow(() -> new IllegalArgumentException(
                        "the outputs have " + OutputKeys.USER_POOL_ID + " but not " + OutputKeys.USER_POOL_CLIENT_ID))));
        value(outputs, OutputKeys.IDENTITY_POOL_ID).ifPresent(builder::identityPoolId);
        value(outputs, OutputKeys.OAUTH_DOMAIN).ifPresent(builder::oauthDomain);
        value(outputs, OutputKeys.GRAPHQL_URL).ifPresent(builder::graphqlUrl);
        value(outputs, OutputKeys.API_KEY).ifPresent(builder::apiKey);
        for (StorageDefinition bucket : plan.model().storage()) {
            value(outputs, OutputKeys.bucketName(bucket.name())).ifPresent(name -> builder.bucketName(bucket.name(),
                    name));
        }
        return builder.build();
    }

    private static java.util.Optional<String> value(Map<String, String> outputs, String key) {
        return java.util.Optional.ofNullable(outputs.get(key)).filter(v -> !v.isBlank());
    }

    /** Reads the outputs file and writes {@code amplify_outputs.json}; the command-line entry of this class. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: CdkOutputsReader <cdk-outputs.json> <stack name> <BackendDefinition class> "
                    + "<amplify_outputs.json>");
            System.exit(2);
        }
        io.amplify4j.dsl.BackendDefinition definition = (io.amplify4j.dsl.BackendDefinition) Class.forName(args[2])
                .getDeclaredConstructor().newInstance();
        read(Path.of(args[0]), args[1], BackendPlan.of(definition.define())).writeTo(Path.of(args[3]));
    }
}
