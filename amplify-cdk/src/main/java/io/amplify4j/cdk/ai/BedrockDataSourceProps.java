package io.amplify4j.cdk.ai;

import io.amplify4j.model.data.AiModel;
import io.amplify4j.plan.resolver.DataSourcePlan;
import io.amplify4j.plan.resolver.ResolverNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link BedrockDataSource} is built from.
 *
 * @param apiId the AppSync API's id (a token is fine)
 * @param name the data source's name in the API, {@value ResolverNames#BEDROCK_DATA_SOURCE} by default (the plan's
 *     name)
 * @param endpointTemplate Bedrock's runtime endpoint with {@code {region}} standing for the stack's region (the
 *     plan's template by default)
 * @param signingService the SigV4 signing name, {@code bedrock} by default
 * @param models the models the API's generation routes call; the role may invoke exactly these (never empty)
 */
public record BedrockDataSourceProps(String apiId, String name, String endpointTemplate, String signingService,
        List<AiModel> models) {

    /** What {@link #endpointTemplate} writes for the stack's region (the plan's placeholder). */
    public static final String REGION_PLACEHOLDER = DataSourcePlan.Http.REGION_PLACEHOLDER;

    public BedrockDataSourceProps {
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpointTemplate, "endpointTemplate");
        Objects.requireNonNull(signingService, "signingService");
        models = BedrockResources.sorted(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("BedrockDataSourceProps: no models. A Bedrock data source is only "
                    + "needed by generation routes; give it the models they name (BedrockDataSourceProps.builder("
                    + "apiId).model(AiModel...)).");
        }
    }

    /** The endpoint in {@code region} (a token is fine). */
    public String endpoint(String region) {
        return endpointTemplate.replace(REGION_PLACEHOLDER, region);
    }

    /**
     * The props of the plan's HTTP data source {@code source} (its name, endpoint, signing and models) for API
     * {@code apiId}.
     *
     * @throws IllegalArgumentException when {@code source} is not an HTTP data source
     */
    public static BedrockDataSourceProps of(String apiId, DataSourcePlan source) {
        DataSourcePlan.Http http = source.http().filter(h -> source.kind() == DataSourcePlan.Kind.HTTP)
                .orElseThrow(() -> new IllegalArgumentException("data source " + source.name() + " is "
                        + source.kind() + ", not HTTP"));
        return new BedrockDataSourceProps(apiId, source.name(), http.endpointTemplate(), http.signingService(),
                http.aiModels());
    }

    /** A builder for the API {@code apiId}. */
    public static Builder builder(String apiId) {
        return new Builder(apiId);
    }

    /** Builds {@link BedrockDataSourceProps}. */
    public static final class Builder {
        private final String apiId;
        private String name = BedrockDataSource.DEFAULT_NAME;
        private String endpointTemplate = ResolverNames.BEDROCK_ENDPOINT_TEMPLATE;
        private String signingService = ResolverNames.BEDROCK_SIGNING_SERVICE;
        private final List<AiModel> models = new ArrayList<>();

        private Builder(String apiId) {
            this.apiId = apiId;
        }

        /** The data source's name in the API. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The endpoint, {@value BedrockDataSourceProps#REGION_PLACEHOLDER} standing for the stack's region. */
        public Builder endpointTemplate(String endpointTemplate) {
            this.endpointTemplate = endpointTemplate;
            return this;
        }

        /** The SigV4 signing name. */
        public Builder signingService(String signingService) {
            this.signingService = signingService;
            return this;
        }

        /** A model the role may invoke. */
        public Builder model(AiModel model) {
            models.add(Objects.requireNonNull(model, "model"));
            return this;
        }

        /** Models the role may invoke. */
        public Builder models(Collection<AiModel> models) {
            models.forEach(this::model);
            return this;
        }

        public BedrockDataSourceProps build() {
            return new BedrockDataSourceProps(apiId, name, endpointTemplate, signingService, models);
        }
    }
}
