package io.amplify4j.sandbox.server.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A field error as AppSync reports it: {@code errorType}, {@code data} and {@code errorInfo} beside the message,
 * path and locations (rendered by {@link ErrorShapes}).
 */
final class AppSyncError implements GraphQLError {
    private final String message;
    private final Optional<String> errorType;
    private final Object data;
    private final Object errorInfo;
    private final List<Object> path;
    private final List<SourceLocation> locations;

    AppSyncError(String message, Optional<String> errorType, Object data, Object errorInfo, List<Object> path,
            List<SourceLocation> locations) {
        this.message = message;
        this.errorType = errorType;
        this.data = data;
        this.errorInfo = errorInfo;
        this.path = path;
        this.locations = locations;
    }

    /** An error of the field {@code env} is fetching. */
    static AppSyncError at(DataFetchingEnvironment env, String message, Optional<String> errorType, Object data,
            Object errorInfo) {
        List<SourceLocation> locations = new ArrayList<>();
        if (env.getField() != null && env.getField().getSourceLocation() != null) {
            locations.add(env.getField().getSourceLocation());
        }
        return new AppSyncError(message, errorType, data, errorInfo, env.getExecutionStepInfo().getPath().toList(),
                locations);
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(errorType.orElse("DataFetchingException"));
    }

    Optional<String> appSyncErrorType() {
        return errorType;
    }

    Object data() {
        return data;
    }

    Object errorInfo() {
        return errorInfo;
    }
}
