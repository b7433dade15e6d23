package io.amplify4j.validate;

import static io.amplify4j.model.data.ModelOperation.CREATE;
import static io.amplify4j.model.data.ModelOperation.READ;
import static io.amplify4j.model.data.ModelOperation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.dsl.AuthBuilder;
import io.amplify4j.dsl.AuthGroup;
import io.amplify4j.dsl.AuthenticatedProvider;
import io.amplify4j.dsl.Backend;
import io.amplify4j.dsl.BackendBuilder;
import io.amplify4j.dsl.CustomTypeBuilder;
import io.amplify4j.dsl.DataBuilder;
import io.amplify4j.dsl.DataType;
import io.amplify4j.dsl.EnumRef;
import io.amplify4j.dsl.FieldOperation;
import io.amplify4j.dsl.FunctionRef;
import io.amplify4j.dsl.IntField;
import io.amplify4j.dsl.ListField;
import io.amplify4j.dsl.ModelBuilder;
import io.amplify4j.dsl.MutationBuilder;
import io.amplify4j.dsl.Secrets;
import io.amplify4j.dsl.StringField;
import io.amplify4j.dsl.TokenProvider;
import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.model.BackendModel;
import io.amplify4j.model.Profile;
import io.amplify4j.model.auth.AuthAction;
import io.amplify4j.model.auth.AuthDefinition.CustomAttribute;
import io.amplify4j.model.auth.AuthDefinition.Multifactor;
import io.amplify4j.model.auth.AuthTrigger;
import io.amplify4j.model.auth.ExternalLogin;
import io.amplify4j.model.auth.StandardAttributeName;
import io.amplify4j.model.data.AuthorizationModes.Mode;
import io.amplify4j.model.data.CustomOperation.MutationKind;
import io.amplify4j.model.data.DisabledOperation;
import io.amplify4j.model.data.FunctionDataAccess.ResourceOperation;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.Schedule;
import io.amplify4j.model.storage.StorageAction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator behind the DSL's build(): definitions written with the DSL. */
class DslValidationTest {
    private static final Path JAR = Path.of("target/clinic-functions.jar");

    @Test
    void mainFixturesAreValid() {
        for (BackendModel model : List.of(new TodoBackend().define(), new BlogBackend().define(),
                new ShopBackend().define())) {
            assertThat(BackendValidator.problems(model)).as(model.name()).isEmpty();
        }
    }

    @Test
    void wideValidDefinitionWithTheDslHasNoProblems() {
        BackendModel clinic = clinic();
        assertThat(BackendValidator.problems(clinic)).isEmpty();
        assertThat(clinic.data().orElseThrow().models()).hasSize(5);
    }

    @Test
    void buildThrowsEveryProblemAtOnce() {
        BackendBuilder backend = Backend.builder("clinic");
        backend.function("slow", fn -> fn.javaHandler("com.example.Slow", JAR).timeoutSeconds(901));
        backend.auth().loginWithEmail().passwordMinLength(6);
        DataBuilder data = backend.data();
        ModelBuilder visit = data.model("Visit");
        visit.string("reason").required().minLength(10).maxLength(5);
        backend.storage("scans", bucket -> bucket.access("/scans/*", allow -> List.of(
                allow.authenticated().to(StorageAction.READ))));

        assertThatThrownBy(backend::build).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).problems().stream().map(Problem::toString).toList())
                .isEqualTo(List.of(
                        "auth.passwordPolicy.minLength: Password minimum length must be 8 to 99 characters; got 6. "
                                + "Set a length in that range.",
                        "data.Visit.fields.reason.validators: Validators on field `Visit.reason` require a length of "
                                + "at least 10 and at most 5, which no value has. Lower minLength or raise maxLength.",
                        "data.Visit: Model `Visit` is missing authorization rules. Add rules to the model with "
                                + "authorization(...) or schema-level rules with data.authorization(...).",
                        "storage.scans.access[\"/scans/*\"]: Storage access paths must not start with \"/\". Found "
                                + "`/scans/*`; remove the leading slash.",
                        "functions.slow.timeoutSeconds: timeoutSeconds must be a whole number between 1 and 900; "
                                + "got 901."));
    }

    @Test
    void checksTheDslAlsoMakesAreReportedOnce() {
        BackendBuilder backend = Backend.builder("clinic");
        backend.auth().loginWithEmail();
        DataBuilder data = backend.data();
        data.customType("Dose", t -> t.string("unit").authorization(allow -> List.of(allow.authenticated())));
        assertThatThrownBy(backend::build).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).problems())
                .isEqualTo(List.of(new Problem("data.types.Dose.fields.unit", "Fields of custom types cannot have "
                        + "authorization rules; a custom type is readable by whoever may call the operation that "
                        + "returns it. Remove authorization(...) from this field.")));
    }

    /** A clinic that uses what the shop fixture does not: phone login, federation, triggers, hasOne, two buckets. */
    private static BackendModel clinic() {
        BackendBuilder backend = Backend.builder("clinic").profile(Profile.SANDBOX);
        FunctionRef signup = backend.function("signup", fn -> fn.javaHandler("com.example.clinic.SignUp", JAR));
        FunctionRef admin = backend.function("userAdmin", fn -> fn.javaHandler("com.example.clinic.Admin", JAR)
                .memoryMb(256));
        FunctionRef reminders = backend.function("reminders", fn -> fn
                .assetHandler(Path.of("functions/reminders"), "handler.send", FunctionCode.AssetRuntime.PYTHON_3_13)
                .timeoutSeconds(120)
                .ephemeralStorageMb(1024)
                .scheduleEvery(15, Schedule.RateUnit.MINUTE)
                .scheduleCron("0 8 ? * MON-FRI", "Europe/Vienna")
                .environment("SENDER", "clinic@example.com")
                .secret("SMS_TOKEN", Secrets.secret("clinic/sms-token"))
                .layer("arn:aws:lambda:eu-central-1:123456789012:layer:sms:4")
                .logRetentionDays(90));
        FunctionRef triage = backend.function("triage", fn -> fn.javaHandler("com.example.clinic.Triage::handle", JAR)
                .withoutSnapStart());
        FunctionRef gate = backend.function("deviceGate", fn -> fn.javaHandler("com.example.clinic.Gate", JAR));
        FunctionRef scanIndexer = backend.function("scanIndexer", fn -> fn
                .javaHandler("com.example.clinic.ScanIndexer", JAR));

        AuthBuilder auth = backend.auth().loginWithEmail().loginWithPhone()
                .multifactor(Multifactor.Mode.REQUIRED, AuthBuilder.MfaMethod.TOTP, AuthBuilder.MfaMethod.SMS)
                .standardAttribute(StandardAttributeName.FAMILY_NAME, true, true)
                .customAttribute("insurer", CustomAttribute.DataType.STRING)
                .trigger(AuthTrigger.PRE_SIGN_UP, signup)
                .access(admin, AuthAction.MANAGE_USERS, AuthAction.LIST_GROUPS)
                .passwordMinLength(14)
                .externalProviders(ext -> ext
                        .google(Secrets.secret("GOOGLE_CLIENT_ID"), Secrets.secret("GOOGLE_CLIENT_SECRET"))
                        .oidc("Hospital", "https://id.hospital.example.org", Secrets.secret("HOSPITAL_ID"),
                                Secrets.secret("HOSPITAL_SECRET"), List.of("openid"), Map.of())
                        .saml("Insurer", ExternalLogin.SamlMetadataType.URL, "https://insurer.example.com/saml.xml",
                                Map.of())
                        .callbackUrls("https://clinic.example.com/auth", "clinic://auth")
                        .logoutUrls("https://clinic.example.com/"));
        AuthGroup doctors = auth.group("DOCTORS");
        AuthGroup nurses = auth.group("NURSES", 5);

        DataBuilder data = backend.data();
        data.authorizationModes(modes -> modes.defaultMode(Mode.USER_POOL).apiKey(90).lambdaAuthorizer(gate)
                .oidc("hospital", "https://id.hospital.example.org", "clinic", 3600, 3600));
        data.authorization(allow -> List.of(allow.group(doctors),
                allow.resource(reminders).to(ResourceOperation.QUERY)));

        EnumRef<String> priority = data.enumType("Priority", "LOW", "NORMAL", "URGENT");
        CustomTypeBuilder vitals = data.customType("Vitals", t -> {
            t.integer("pulse").gte(20).lte(250);
            t.floating("temperature");
        });

        ModelBuilder patient = data.model("Patient");
        StringField mrn = patient.string("mrn").required().matches("^[0-9]{8}$");
        patient.string("name").required();
        patient.email("email");
        patient.phone("phone").defaultValue("+43 1 234567");
        patient.date("bornOn");
        patient.customType("lastVitals", vitals);
        patient.identifier(mrn);

        ModelBuilder chart = data.model("Chart");
        StringField chartPatient = chart.string("patientMrn").required();
        chart.json("allergies").defaultValue("[]");
        chart.belongsTo("patient", patient, chartPatient);
        patient.hasOne("chart", chart, chartPatient);

        ModelBuilder visit = data.model("Visit");
        StringField visitPatient = visit.string("patientMrn").required();
        visit.datetime("at").required().defaultValue(java.time.OffsetDateTime.parse("2024-01-01T09:00:00Z"));
        visit.time("slot").defaultValue(java.time.LocalTime.of(9, 30));
        visit.enumeration("priority", priority).required().defaultValue("NORMAL");
        IntField version = visit.integer("version").required().defaultValue(1);
        ListField<String> attendees = visit.string("attendees").array();
        StringField ward = visit.string("ward");
        visit.string("diagnosis").authorization(allow -> List.of(allow.group(doctors),
                allow.group(nurses).to(FieldOperation.READ)));
        visit.versionField(version);
        visit.belongsTo("patient", patient, visitPatient);
        patient.hasMany("visits", visit, visitPatient);
        visit.secondaryIndex(ward, idx -> idx.sortKeys(visit.createdAt()).name("byWard")
                .queryField("listVisitsByWard").projectKeysOnly());
        visit.disableOperations(DisabledOperation.ON_DELETE);
        visit.authorization(allow -> List.of(allow.group(doctors), allow.ownersDefinedIn(attendees).to(READ),
                allow.groupDefinedIn(ward).to(READ, UPDATE), allow.owner().to(CREATE, READ)));

        ModelBuilder notice = data.model("Notice");
        notice.string("text").required();
        notice.authorization(allow -> List.of(allow.publicApiKey().to(READ), allow.guest().to(READ),
                allow.authenticated(AuthenticatedProvider.OIDC).to(READ),
                allow.group("staff").provider(TokenProvider.OIDC).withClaimIn("roles")));

        ModelBuilder device = data.model("Device");
        StringField ip = device.ipAddress("ip").required();
        device.url("manual");
        device.timestamp("lastSeen");
        device.identifier(ip);
        device.authorization(allow -> List.of(allow.custom().to(READ), allow.group(doctors)));

        data.query("triage").argument("symptoms", DataType.string().required().array().required())
                .argument("vitals", DataType.ref(vitals))
                .returns(DataType.ref(priority).required())
                .handler(triage)
                .authorization(allow -> List.of(allow.authenticated(), allow.guest()));
        MutationBuilder admit = data.mutation("admit").argument("mrn", DataType.string().required())
                .returns(DataType.ref(visit))
                .customHandler("src/main/js/admit.js", visit)
                .authorization(allow -> List.of(allow.group(nurses)));
        data.subscription("onAdmit").returns(DataType.ref(visit)).forMutation(admit)
                .forMutations(visit, MutationKind.CREATE)
                .authorization(allow -> List.of(allow.group(doctors), allow.group(nurses)));

        backend.storage("scans", bucket -> bucket.isDefault().versioned()
                .corsOrigins("https://clinic.example.com", "http://localhost:5173")
                .access("patients/{entity_id}/*", allow -> List.of(
                        allow.entity().to(StorageAction.GET, StorageAction.LIST, StorageAction.WRITE),
                        allow.groups(doctors, nurses).to(StorageAction.READ)))
                .access("shared/*", allow -> List.of(allow.authenticated().to(StorageAction.READ),
                        allow.resource(scanIndexer).to(StorageAction.READ)))
                .access("shared/reports/*", allow -> List.of(allow.groups(doctors).to(StorageAction.READ,
                        StorageAction.WRITE, StorageAction.DELETE)))
                .onUpload(scanIndexer).onDelete(scanIndexer));
        backend.storage("public", bucket -> bucket.corsOrigins("*")
                .access("leaflets/*", allow -> List.of(allow.guest().to(StorageAction.READ))));
        return backend.build();
    }
}
