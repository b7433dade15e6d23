package io.amplify4j.sandbox.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Directive;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import io.amplify4j.sandbox.js.AuthMode;
import io.amplify4j.sandbox.runtime.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldAuthorizationTest {
    static final String ISSUER = "http://127.0.0.1:1/local_x";

    private static FieldAuthorization of(String sdl, String field, AuthMode defaultMode) {
        ObjectTypeDefinition type = (ObjectTypeDefinition) Parser.parse(sdl).getDefinitions().get(0);
        FieldDefinition definition = type.getFieldDefinitions().stream().filter(f -> f.getName().equals(field))
                .findFirst().orElseThrow();
        List<Directive> typeDirectives = type.getDirectives();
        return FieldAuthorization.of(definition.getDirectives(), typeDirectives, defaultMode);
    }

    @Test
    void fieldDirectivesOverrideTheTypesAndTheDefaultAppliesToBareElements() {
        String sdl = "type T @aws_api_key { a: String b: String @aws_cognito_user_pools }";
        assertThat(of(sdl, "a", AuthMode.USER_POOL).modes()).containsExactly(AuthMode.API_KEY);
        assertThat(of(sdl, "b", AuthMode.USER_POOL).modes()).containsExactly(AuthMode.USER_POOL);
        assertThat(of("type Q { a: String }", "a", AuthMode.USER_POOL).modes()).containsExactly(AuthMode.USER_POOL);
    }

    @Test
    void cognitoGroupsAdmitOnlyMembers() {
        FieldAuthorization admins = of(
                "type Q { a: String @aws_api_key @aws_cognito_user_pools(cognito_groups: [\"ADMINS\"]) }", "a",
                AuthMode.USER_POOL);
        assertThat(admins.admits(Caller.user(ISSUER, "s1", "ann", List.of("ADMINS")))).isTrue();
        assertThat(admins.admits(Caller.user(ISSUER, "s2", "ben", List.of("Staff")))).isFalse();
        assertThat(admins.admits(Caller.user(ISSUER, "s3", "cat", List.of()))).isFalse();
        assertThat(admins.admits(Caller.apiKey())).isTrue();
        assertThat(admins.admits(Caller.oidc(Map.of("sub", "x", "iss", "https://idp")))).isFalse();
    }
}
