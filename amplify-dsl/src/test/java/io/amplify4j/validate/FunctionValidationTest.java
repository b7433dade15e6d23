package io.amplify4j.validate;

import static io.amplify4j.validate.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.Schedule;
import io.amplify4j.model.storage.StorageAction;
import org.junit.jupiter.api.Test;

/** Functions (#27): sizes, environment, layers, schedules and code. */
class FunctionValidationTest {

    private static Backend with(FunctionBuilder fn) {
        return backend().function(fn.build());
    }

    @Test
    void timeoutOutOfRange() {
        assertProblems(with(fn("fn").set(f -> f.timeout = 0)),
                "functions.fn.timeoutSeconds: timeoutSeconds must be a whole number between 1 and 900; got 0.");
        assertProblems(with(fn("fn").set(f -> f.timeout = 901)),
                "functions.fn.timeoutSeconds: timeoutSeconds must be a whole number between 1 and 900; got 901.");
    }

    @Test
    void memoryOutOfRange() {
        assertProblems(with(fn("fn").set(f -> f.memory = 127)),
                "functions.fn.memoryMb: memoryMb must be a whole number between 128 and 10240; got 127.");
        assertProblems(with(fn("fn").set(f -> f.memory = 10241)),
                "functions.fn.memoryMb: memoryMb must be a whole number between 128 and 10240; got 10241.");
    }

    @Test
    void ephemeralStorageOutOfRange() {
        assertProblems(with(fn("fn").set(f -> f.ephemeral = 511)), "functions.fn.ephemeralStorageMb: "
                + "ephemeralStorageMb must be a whole number between 512 and 10240; got 511.");
    }

    @Test
    void logRetentionMustBeACloudWatchPeriod() {
        assertProblems(with(fn("fn").set(f -> f.logRetention = 2)), "functions.fn.logRetentionDays: logRetentionDays 2 "
                + "is not a CloudWatch retention period. Use one of [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, "
                + "400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653].");
    }

    @Test
    void environmentNames() {
        assertProblems(with(fn("fn").env("1BAD", "x").env("A", "x").env("GOOD_NAME", "x")),
                "functions.fn.environment.1BAD: Environment variable name `1BAD` is invalid. Start with a letter and "
                        + "use at least two letters, digits or underscores.",
                "functions.fn.environment.A: Environment variable name `A` is invalid. Start with a letter and use at "
                        + "least two letters, digits or underscores.");
    }

    @Test
    void reservedEnvironmentNames() {
        assertProblems(with(fn("fn").env("AWS_REGION", "x").env("LAMBDA_TASK_ROOT", "x")
                        .env("AWS_LAMBDA_FUNCTION_NAME", "x").env("AWS_LAMBDA_EXEC_WRAPPER", "/opt/wrap")),
                "functions.fn.environment.AWS_LAMBDA_FUNCTION_NAME: Environment variable `AWS_LAMBDA_FUNCTION_NAME` is "
                        + "reserved by Lambda. Choose another name.",
                "functions.fn.environment.AWS_REGION: Environment variable `AWS_REGION` is reserved by Lambda. Choose "
                        + "another name.",
                "functions.fn.environment.LAMBDA_TASK_ROOT: Environment variable `LAMBDA_TASK_ROOT` is reserved by "
                        + "Lambda. Choose another name.");
    }

    @Test
    void plainVariableAndSecretCollide() {
        assertProblems(with(fn("fn").env("API_KEY", "x").secret("API_KEY", "api-key")),
                "functions.fn.environment.API_KEY: Environment variable `API_KEY` is both a plain variable and a "
                        + "secret. Keep one.");
    }

    @Test
    void secretNames() {
        assertProblems(with(fn("fn").secret("TOKEN", "my secret").secret("9X", "ok")),
                "functions.fn.secrets.9X: Environment variable name `9X` is invalid. Start with a letter and use at "
                        + "least two letters, digits or underscores.",
                "functions.fn.secrets.TOKEN: Secret name `my secret` is invalid. Use 1 to 128 letters, digits, `_`, "
                        + "`.`, `-` or `/`.");
    }

    @Test
    void variablesInjectedForGrantsAreReserved() {
        Backend b = backend().storage(bucket("media", path("uploads/*", allow(resource("fn"), StorageAction.WRITE))))
                .function(fn("fn").env("media_BUCKET_NAME", "x").env("AMPLIFY_SSM_ENV_CONFIG", "{}")
                        .secret("TOKEN", "token").build());
        assertProblems(b,
                "functions.fn.environment.AMPLIFY_SSM_ENV_CONFIG: Environment variable `AMPLIFY_SSM_ENV_CONFIG` is set "
                        + "by the backend for the access this function is granted. Choose another name.",
                "functions.fn.environment.media_BUCKET_NAME: Environment variable `media_BUCKET_NAME` is set by the "
                        + "backend for the access this function is granted. Choose another name.");
    }

    @Test
    void layers() {
        String arn = "arn:aws:lambda:eu-west-1:123456789012:layer:tools:";
        assertProblems(with(fn("fn").layer(arn + 1).layer(arn + 2).layer(arn + 3).layer(arn + 4).layer(arn + 5)
                        .layer(arn + 6).layer(arn + 6).layer("tools:1")),
                "functions.fn.layers: Function has 7 layers; Lambda allows at most 5. Remove some.",
                "functions.fn.layers[6]: Layer `" + arn + "6` is listed more than once. Remove the duplicate.",
                "functions.fn.layers[7]: Layer `tools:1` is not a layer version ARN. Use "
                        + "`arn:aws:lambda:<region>:<account>:layer:<name>:<version>`.");
    }

    @Test
    void rateSchedules() {
        assertProblems(with(fn("fn").schedule(new Schedule.Rate(0, Schedule.RateUnit.HOUR), "UTC")),
                "functions.fn.schedules[0]: Schedule rate must be a whole number of at least 1; got 0.");
        assertProblems(with(fn("fn").set(f -> f.timeout = 60)
                        .schedule(new Schedule.Rate(1, Schedule.RateUnit.MINUTE), "UTC")
                        .schedule(new Schedule.Rate(2, Schedule.RateUnit.MINUTE), "Europe/Berlin")),
                "functions.fn.schedules[0]: Schedule `rate(1 minute)` is not longer than the function's 60 second "
                        + "timeout. Use a longer rate or a shorter timeout.");
    }

    @Test
    void cronSchedules() {
        assertProblems(with(fn("fn").cron("0 25 * * *").cron("0 9 * *").cron("*/0 * * * *").cron("0 0 5-1 * *")
                        .cron("0 0 ? * FOO").cron("0 9 ? * MON-FRI").cron("0 9 ? * MON#2").cron("0 0 L * ? 2030")
                        .cron("15,45 */2 1W JAN-MAR 1-5")),
                "functions.fn.schedules[0]: Cron expression `0 25 * * *` is invalid: field 2 (hour) value `25` is out "
                        + "of range 0-23. Fix the expression.",
                "functions.fn.schedules[1]: Cron expression `0 9 * *` is invalid: it has 4 fields; use 5 (minute hour "
                        + "day-of-month month day-of-week) or 6 (plus year). Fix the expression.",
                "functions.fn.schedules[2]: Cron expression `*/0 * * * *` is invalid: field 1 (minute) step `*/0` must "
                        + "be a whole number of at least 1. Fix the expression.",
                "functions.fn.schedules[3]: Cron expression `0 0 5-1 * *` is invalid: field 3 (day-of-month) range "
                        + "`5-1` runs backwards. Fix the expression.",
                "functions.fn.schedules[4]: Cron expression `0 0 ? * FOO` is invalid: field 5 (day-of-week) has `FOO`, "
                        + "which is not a value. Fix the expression.");
    }

    @Test
    void timeZoneMustBeIana() {
        assertProblems(with(fn("fn").schedule(new Schedule.Rate(1, Schedule.RateUnit.DAY), "Mars/Base")),
                "functions.fn.schedules[0]: Time zone `Mars/Base` is not a valid IANA time zone. Use a name such as "
                        + "`UTC` or `Europe/Berlin`.");
    }

    @Test
    void javaHandlerClassName() {
        assertProblems(with(fn("fn").set(f -> f.code = new FunctionCode.Java("com.example.", " ",
                        FunctionCode.JavaRuntime.JAVA_17))),
                "functions.fn.code.handlerClass: Java handler class `com.example.` is not a valid class name. Use a "
                        + "fully qualified name such as `com.example.Handler`, optionally with `::method`.",
                "functions.fn.code.artifact: Java handler artifact is empty. Name the jar or class directory that "
                        + "holds the handler.");
        assertThat(FunctionValidator.isJavaHandler("com.example.Handler::handleRequest")).isTrue();
        assertThat(FunctionValidator.isJavaHandler("com.example.Outer$Inner")).isTrue();
        assertThat(FunctionValidator.isJavaHandler("com.class.Handler")).isFalse();
        assertThat(FunctionValidator.isJavaHandler("com.example.Handler::")).isFalse();
    }

    @Test
    void assetHandler() {
        assertProblems(with(fn("fn").set(f -> f.code = new FunctionCode.Asset("", "index",
                        FunctionCode.AssetRuntime.NODEJS_22))),
                "functions.fn.code.directory: Asset directory is empty. Name the folder that holds the code.",
                "functions.fn.code.handler: Handler `index` of function `fn` must look like `file.function`, for "
                        + "example `index.handler`.");
        assertProblems(with(fn("fn").set(f -> f.code = new FunctionCode.Asset("lambda/py", "app.lambda_handler",
                FunctionCode.AssetRuntime.PYTHON_3_13))));
    }

    @Test
    void functionNamesAreUnique() {
        assertProblems(backend().functions("fn", "fn"), "functions.fn: Function `fn` is defined more than once. Give "
                + "each function its own name.");
    }
}
