package io.amplify4j.validate;

import static io.amplify4j.validate.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.model.auth.AuthAction;
import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.auth.AuthTrigger;
import io.amplify4j.model.auth.ExternalLogin;
import io.amplify4j.model.auth.SecretRef;
import io.amplify4j.model.auth.StandardAttributeName;
import io.amplify4j.model.data.AuthProvider;
import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.AuthorizationModes;
import io.amplify4j.model.data.CustomOperation.MutationKind;
import io.amplify4j.model.data.DisabledOperation;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.FunctionDataAccess;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.SecondaryIndexDefinition;
import io.amplify4j.model.data.SecondaryIndexDefinition.Projection;
import io.amplify4j.model.data.ValidatorKind;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.Schedule;
import io.amplify4j.model.storage.StorageAction;
import io.amplify4j.model.storage.StorageDefinition;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The whole pass: every problem at once, and a wide valid backend that uses every feature without problems. */
class WholeBackendValidationTest {

    @Test
    void severalProblemsAcrossCategoriesAreReportedAtOnce() {
        Backend b = backend()
                .model(model("Todo").field("title", ScalarType.STRING).build())
                .model(model("Note").rules(owner(AuthProvider.API_KEY)).build())
                .enumType("Status", "IN PROGRESS")
                .storage(bucketWithPaths("/photos/*"))
                .function(fn("recommend").set(f -> f.timeout = 0).env("1BAD", "x").build());
        b.name = "1bucket!";

        assertThatThrownBy(() -> BackendValidator.validate(b.build()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    ValidationException v = (ValidationException) e;
                    assertThat(v.problems()).extracting(Problem::place).containsExactly(
                            "name",
                            "data.enums.Status",
                            "data.Todo",
                            "data.Note.rules[0]",
                            "storage.media.access[\"/photos/*\"]",
                            "functions.recommend.timeoutSeconds",
                            "functions.recommend.environment.1BAD");
                    assertThat(v.getMessage()).startsWith("The backend definition has 7 problems:\n"
                            + "  - name: Resource name `1bucket!` of the backend contains invalid characters.");
                    assertThat(v.getMessage()).contains("\n  - data.Todo: Model `Todo` is missing authorization rules.");
                });
    }

    @Test
    void problemsAreDeterministic() {
        Backend b = backend().model(model("Todo").rules(groups("Admins", "Editors"), owner(AuthProvider.OIDC)).build());
        assertThat(b.problems()).isEqualTo(b.problems()).hasSize(3);
    }

    @Test
    void wideValidDefinitionFromRecordsHasNoProblems() {
        Backend b = backend();
        b.auth = wideAuth();
        b.modes(new AuthorizationModes(Optional.of(AuthorizationModes.Mode.USER_POOL), Optional.of(apiKey(365)),
                Optional.of(new AuthorizationModes.LambdaAuthorizer("authorizer", 300)),
                Optional.of(oidc("https://login.partners.example.com"))));
        b.schemaRules(authenticated(ModelOperation.READ));
        b.functionAccess.add(new FunctionDataAccess("worker", List.of(FunctionDataAccess.ResourceOperation.QUERY,
                FunctionDataAccess.ResourceOperation.MUTATE)));
        b.functions("authorizer", "signup", "admin", "recommend", "thumbnails")
                .function(fn("worker").set(f -> {
                    f.timeout = 60;
                    f.memory = 2048;
                    f.ephemeral = 1024;
                    f.logRetention = 14;
                }).env("MAX_RESULTS", "5").env("AWS_LAMBDA_EXEC_WRAPPER", "/opt/wrapper").secret("API_TOKEN", "shop/api-token")
                        .schedule(new Schedule.Rate(5, Schedule.RateUnit.MINUTE), "UTC").cron("0 3 ? * MON-FRI")
                        .cron("*/15 8-18 * * 1-5").schedule(new Schedule.Cron("0 12 1 JAN,JUL ? 2030"), "Europe/Berlin")
                        .layer("arn:aws:lambda:eu-west-1:123456789012:layer:tools:3").build())
                .function(fn("py").set(f -> f.code = new FunctionCode.Asset("functions/py", "app.handler",
                        FunctionCode.AssetRuntime.PYTHON_3_13)).build());
        b.enumType("Status", "OPEN", "DONE").enumType("Rating", "ONE", "TWO", "THREE");
        b.type("Address", field("street", req(ScalarType.STRING)),
                validated("country", req(ScalarType.STRING), v(ValidatorKind.MIN_LENGTH, "2"),
                        v(ValidatorKind.MAX_LENGTH, "2")));
        b.model(model("Customer")
                .fields(field("email", req(ScalarType.EMAIL)), field("phone", t(ScalarType.PHONE)),
                        field("address", typeRef("Address")), field("owner", t(ScalarType.STRING)))
                .identifier("email")
                .hasMany("orders", "Order", "customerEmail")
                .hasOne("profile", "Profile", "customerEmail")
                .rules(owner(), groups("ADMINS"), apiKeyRule(ModelOperation.GET))
                .build());
        b.model(model("Profile")
                .fields(field("customerEmail", req(ScalarType.EMAIL)), field("bio", t(ScalarType.STRING)))
                .belongsTo("customer", "Customer", "customerEmail")
                .build());
        b.model(model("Order")
                .fields(field("customerEmail", req(ScalarType.EMAIL)),
                        withDefault("status", FieldType.required(new io.amplify4j.model.data.TypeRef.EnumType(
                                "Status")), "OPEN"),
                        validated("total", req(ScalarType.FLOAT), v(ValidatorKind.GTE, "0"), v(ValidatorKind.LT, "1e6")),
                        withDefault("placedOn", t(ScalarType.DATE), "2024-01-31"),
                        withDefault("version", req(ScalarType.INT), "1"),
                        field("tags", listOf(ScalarType.STRING)),
                        field("meta", t(ScalarType.JSON)),
                        ruled("internalNote", t(ScalarType.STRING), groups("ADMINS"),
                                owner(ModelOperation.READ)),
                        field("editors", listOf(ScalarType.STRING)))
                .identifier("customerEmail", "createdAt")
                .index(new SecondaryIndexDefinition("status", List.of("createdAt"), Optional.of("byStatus"),
                        Optional.of("listOrdersByStatus"), true,
                        new Projection(Projection.Type.INCLUDE, List.of("total"))))
                .index(new SecondaryIndexDefinition("id", List.of(), Optional.empty(), Optional.empty(), false,
                        new Projection(Projection.Type.KEYS_ONLY, List.of())))
                .belongsTo("customer", "Customer", "customerEmail")
                .versionField("version")
                .tableName("shop-orders")
                .disable(DisabledOperation.ON_DELETE)
                .rules(owner(ModelOperation.CREATE, ModelOperation.READ), ownersIn("editors"),
                        groupIn("team"), groupsIn("teams"), guest(ModelOperation.LIST),
                        authenticated(AuthProvider.IDENTITY_POOL, ModelOperation.GET), custom(ModelOperation.READ),
                        new AuthRule.Groups(List.of("partner-support"), "groups", AuthProvider.OIDC,
                                List.of(ModelOperation.READ)),
                        new AuthRule.Owner("owner", false, "sub", AuthProvider.OIDC, true, List.of()))
                .build());
        b.model(model("Audit").field("message", ScalarType.STRING).build());
        b.operation(query("recommend").argument("sku", req(ScalarType.STRING)).argument("limit", t(ScalarType.INT))
                .argument("shipTo", typeRef("Address"))
                .returns(new FieldType(new io.amplify4j.model.data.TypeRef.CustomType("Address"), true, true, true))
                .function("recommend").rules(authenticated(), apiKeyRule(), guest()).build());
        b.operation(mutation("placeOrder").argument("total", req(ScalarType.FLOAT)).returns(modelRef("Order"))
                .js("src/main/js/placeOrder.js", "Order").js("src/main/js/notify.js")
                .rules(groups("ADMINS"), custom()).build());
        b.operation(mutation("audit").asyncFunction("worker").rules(authenticated()).build());
        b.operation(subscription("onOrder").returns(modelRef("Order")).forModel("Order", MutationKind.CREATE,
                MutationKind.UPDATE).forMutation("placeOrder").js("src/main/js/filter.js")
                .rules(authenticated(), apiKeyRule()).build());
        b.storage(new StorageDefinition("media", true, true, List.of("https://shop.example.com",
                "http://localhost:3000"), List.of(
                path("public/*", allow(guests(), StorageAction.READ), allow(signedIn(), StorageAction.READ,
                        StorageAction.WRITE), allow(resource("thumbnails"), StorageAction.GET, StorageAction.WRITE)),
                path("public/admin/*", allow(inGroups("ADMINS"), StorageAction.READ, StorageAction.WRITE,
                        StorageAction.DELETE)),
                path("private/{entity_id}/*", allow(entity(), StorageAction.GET, StorageAction.LIST,
                        StorageAction.WRITE, StorageAction.DELETE))),
                Optional.of("thumbnails"), Optional.of("thumbnails")));
        b.storage(new StorageDefinition("archive", false, false, List.of("*"), List.of(
                path("exports/*", allow(resource("worker"), StorageAction.READ, StorageAction.WRITE))),
                Optional.empty(), Optional.empty()));

        assertProblems(b);
    }

    private static AuthDefinition wideAuth() {
        ExternalLogin login = new ExternalLogin(
                List.of(new ExternalLogin.Social(ExternalLogin.SocialKind.GOOGLE, new SecretRef("GOOGLE_CLIENT_ID"),
                                new SecretRef("GOOGLE_CLIENT_SECRET"), List.of("email"), new TreeMap<>()),
                        new ExternalLogin.Apple(new SecretRef("APPLE_ID"), new SecretRef("APPLE_TEAM"),
                                new SecretRef("APPLE_KEY"), new SecretRef("apple/private-key"), List.of(),
                                new TreeMap<>()),
                        new ExternalLogin.Oidc("Partners", "https://login.partners.example.com",
                                new SecretRef("OIDC_ID"), new SecretRef("OIDC_SECRET"),
                                ExternalLogin.AttributeRequestMethod.POST, List.of("openid"), new TreeMap<>()),
                        new ExternalLogin.Saml("Corp", ExternalLogin.SamlMetadataType.URL,
                                "https://corp.example.com/metadata.xml", new TreeMap<>())),
                List.of(ExternalLogin.OAuthScope.OPENID, ExternalLogin.OAuthScope.EMAIL),
                List.of("https://shop.example.com/callback", "shop://callback", "http://localhost:3000/"),
                List.of("https://shop.example.com/", "http://127.0.0.1:3000/"));
        return new AuthDefinition("shopAuth", true, true, Optional.of(login),
                new AuthDefinition.Multifactor(AuthDefinition.Multifactor.Mode.REQUIRED, true, true, false),
                List.of(new AuthDefinition.StandardAttribute(StandardAttributeName.GIVEN_NAME, true, true),
                        new AuthDefinition.StandardAttribute(StandardAttributeName.PHONE_NUMBER, false, true)),
                List.of(new AuthDefinition.CustomAttribute("tier", AuthDefinition.CustomAttribute.DataType.STRING,
                                true, Optional.of(1), Optional.of(20)),
                        new AuthDefinition.CustomAttribute("points", AuthDefinition.CustomAttribute.DataType.NUMBER,
                                true, Optional.of(0), Optional.of(1000000)),
                        new AuthDefinition.CustomAttribute("vip", AuthDefinition.CustomAttribute.DataType.BOOLEAN,
                                false, Optional.empty(), Optional.empty())),
                List.of(new AuthDefinition.UserGroup("ADMINS", 0), new AuthDefinition.UserGroup("SUPPORT", 1)),
                List.of(new AuthDefinition.TriggerBinding(AuthTrigger.PRE_SIGN_UP, "signup"),
                        new AuthDefinition.TriggerBinding(AuthTrigger.POST_CONFIRMATION, "signup")),
                List.of(new AuthDefinition.AccessGrant("admin", List.of(AuthAction.MANAGE_USERS,
                        AuthAction.LIST_GROUPS))),
                AuthDefinition.AccountRecovery.EMAIL_ONLY, new AuthDefinition.PasswordPolicy(12, 3), false);
    }
}
