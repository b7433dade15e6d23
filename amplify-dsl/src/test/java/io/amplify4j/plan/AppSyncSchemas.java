package io.amplify4j.plan;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * Parses and validates generated SDL with graphql-java. AppSync declares its scalars and directives itself, so the
 * generated SDL leaves them out; this test-only prelude declares them so graphql-java can check every use.
 */
public final class AppSyncSchemas {
    static final String PRELUDE = """
            scalar AWSDate
            scalar AWSTime
            scalar AWSDateTime
            scalar AWSTimestamp
            scalar AWSEmail
            scalar AWSJSON
            scalar AWSPhone
            scalar AWSURL
            scalar AWSIPAddress
            directive @aws_api_key on OBJECT | FIELD_DEFINITION
            directive @aws_iam on OBJECT | FIELD_DEFINITION
            directive @aws_oidc on OBJECT | FIELD_DEFINITION
            directive @aws_lambda on OBJECT | FIELD_DEFINITION
            directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION
            directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION
            directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
            """;

    private AppSyncSchemas() {}

    /** The schema, parsed and validated; throws on any error. */
    public static GraphQLSchema parse(String sdl) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(PRELUDE + sdl);
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }
}
