package io.amplify4j.cdk.ai;

import io.amplify4j.cdk.nag.Acknowledgements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.appsync.CfnDataSource;
import software.amazon.awscdk.services.iam.CfnRole;
import software.constructs.Construct;

/**
 * The AppSync HTTP data source the generation routes' resolvers call Bedrock's Converse API through: endpoint
 * {@code https://bedrock-runtime.<region>.amazonaws.com}, requests signed by AppSync with SigV4 (authorization type
 * {@code AWS_IAM}, service {@code bedrock}, the stack's region) using a service role that only AppSync of this
 * account may assume and that may call {@code bedrock:InvokeModel} on exactly the routes' models
 * ({@link BedrockResources#arns}).
 *
 * <p>{@code AmplifyData} builds one for a plan whose data has generation routes; it is usable alone to give any
 * AppSync API a Bedrock data source. Escape hatches: {@link #dataSource()}, {@link #role()}.
 */
public final class BedrockDataSource extends Construct {
    /** The data source's name when the props do not say otherwise (the plan's name for it). */
    public static final String DEFAULT_NAME = io.amplify4j.plan.resolver.ResolverNames.BEDROCK_DATA_SOURCE;

    private final CfnRole role;
    private final CfnDataSource dataSource;

    public BedrockDataSource(Construct scope, String id, BedrockDataSourceProps props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        String region = stack.getRegion();
        List<String> arns = BedrockResources.arns(stack, props.models());

        Map<String, Object> invoke = new LinkedHashMap<>();
        invoke.put("Effect", "Allow");
        invoke.put("Action", List.of(BedrockResources.INVOKE_MODEL));
        invoke.put("Resource", arns);
        this.role = CfnRole.Builder.create(this, "Role")
                .description("Lets the " + props.name() + " data source invoke the generation routes' Bedrock models")
                .assumeRolePolicyDocument(document(assumedByAppSync(stack.getAccount())))
                .policies(List.of(CfnRole.PolicyProperty.builder()
                        .policyName("bedrock-invoke")
                        .policyDocument(document(invoke))
                        .build()))
                .build();
        if (BedrockResources.anyInferenceProfile(props.models())) {
            Acknowledgements.apply(role, Acknowledgements.BEDROCK_INFERENCE_PROFILE_REGIONS);
        }

        this.dataSource = CfnDataSource.Builder.create(this, "DataSource")
                .apiId(props.apiId())
                .name(props.name())
                .type("HTTP")
                .description("Amazon Bedrock runtime (Converse) for generation routes")
                .serviceRoleArn(role.getAttrArn())
                .httpConfig(CfnDataSource.HttpConfigProperty.builder()
                        .endpoint(props.endpoint(region))
                        .authorizationConfig(CfnDataSource.AuthorizationConfigProperty.builder()
                                .authorizationType("AWS_IAM")
                                .awsIamConfig(CfnDataSource.AwsIamConfigProperty.builder()
                                        .signingRegion(region)
                                        .signingServiceName(props.signingService())
                                        .build())
                                .build())
                        .build())
                .build();
    }

    /** The data source resource. */
    public CfnDataSource dataSource() {
        return dataSource;
    }

    /** The service role AppSync signs Bedrock requests with. */
    public CfnRole role() {
        return role;
    }

    private static Map<String, Object> assumedByAppSync(String account) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", "appsync.amazonaws.com"));
        statement.put("Action", "sts:AssumeRole");
        statement.put("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", account)));
        return statement;
    }

    private static Map<String, Object> document(Map<String, Object> statement) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(statement));
        return document;
    }
}
