package io.amplify4j.plan.resolver;

import io.amplify4j.model.Canonical;
import io.amplify4j.model.data.AiModel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A data source of the API.
 *
 * @param name the data source's name: {@code NONE}, {@code <Model>Table}, {@code Fn<Function>} or {@code Bedrock}
 * @param kind what it is
 * @param model the model whose table it is (DYNAMODB)
 * @param tableName the table's name (DYNAMODB)
 * @param function the function it invokes (LAMBDA)
 * @param http where requests go and how they are signed, and which Bedrock models they may call (HTTP)
 */
public record DataSourcePlan(
        String name, Kind kind, Optional<String> model, Optional<String> tableName, Optional<String> function,
        Optional<Http> http) {

    public DataSourcePlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(http, "http");
    }

    /** A data source that is not an HTTP one. */
    public DataSourcePlan(
            String name, Kind kind, Optional<String> model, Optional<String> tableName, Optional<String> function) {
        this(name, kind, model, tableName, function, Optional.empty());
    }

    /** AppSync data source types the generated resolvers use. */
    public enum Kind {
        NONE,
        DYNAMODB,
        LAMBDA,
        /** An HTTP endpoint, SigV4-signed with the data source's role: Bedrock's runtime for generation routes. */
        HTTP
    }

    /**
     * An HTTP data source's endpoint and signing, and the Bedrock models its requests name, so the role that signs
     * them can be limited to those models (never {@code bedrock:*}, never every model).
     *
     * @param endpointTemplate the endpoint with {@value #REGION_PLACEHOLDER} standing for the API's region, for
     *     example {@code https://bedrock-runtime.{region}.amazonaws.com}
     * @param signingService the SigV4 signing name ({@code bedrock})
     * @param aiModels the models the generation resolvers call through it, sorted, without duplicates
     */
    public record Http(String endpointTemplate, String signingService, List<AiModel> aiModels) {
        /** What {@link #endpointTemplate} writes for the region. */
        public static final String REGION_PLACEHOLDER = "{region}";

        public Http {
            Objects.requireNonNull(endpointTemplate, "endpointTemplate");
            Objects.requireNonNull(signingService, "signingService");
            aiModels = Canonical.enumSet(aiModels);
        }

        /** The endpoint in {@code region}, for example {@code https://bedrock-runtime.us-east-1.amazonaws.com}. */
        public String endpoint(String region) {
            return endpointTemplate.replace(REGION_PLACEHOLDER, Objects.requireNonNull(region, "region"));
        }
    }

    static DataSourcePlan none() {
        return new DataSourcePlan(ResolverNames.NONE_DATA_SOURCE, Kind.NONE, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    static DataSourcePlan table(String model, String tableName) {
        return new DataSourcePlan(ResolverNames.tableDataSource(model), Kind.DYNAMODB, Optional.of(model),
                Optional.of(tableName), Optional.empty());
    }

    static DataSourcePlan lambda(String function) {
        return new DataSourcePlan(ResolverNames.functionDataSource(function), Kind.LAMBDA, Optional.empty(),
                Optional.empty(), Optional.of(function));
    }

    /** The Bedrock runtime, for generation routes calling {@code models}. */
    static DataSourcePlan bedrock(List<AiModel> models) {
        return new DataSourcePlan(ResolverNames.BEDROCK_DATA_SOURCE, Kind.HTTP, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new Http(ResolverNames.BEDROCK_ENDPOINT_TEMPLATE,
                        ResolverNames.BEDROCK_SIGNING_SERVICE, models)));
    }
}
