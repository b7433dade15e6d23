package io.amplify4j.model.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Schedules in EventBridge Scheduler's syntax. */
class ScheduleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 3 * * *|cron(0 3 * * ? *)",
        "0 9 * * 1-5|cron(0 9 ? * 2-6 *)",
        "*/15 * 1 * *|cron(*/15 * 1 * ? *)",
        "0 0 ? * 0#2|cron(0 0 ? * 1#2 *)",
        "0 0 * * 7|cron(0 0 ? * 1 *)",
        "0 12 * * MON,FRI 2027|cron(0 12 ? * MON,FRI 2027)",
        "30 6 * * 1/2|cron(30 6 ? * 2/2 *)"})
    void cronBecomesSixFieldsWithAwsDaysOfWeekAndOneOpenDayField(String unix, String aws) {
        assertThat(new Schedule.Cron(unix).schedulerExpression()).isEqualTo(aws);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1|MINUTE|rate(1 minute)", "5|MINUTE|rate(5 minutes)", "2|DAY|rate(2 days)"})
    void rateNamesItsUnit(int amount, Schedule.RateUnit unit, String expected) {
        assertThat(new Schedule.Rate(amount, unit).schedulerExpression()).isEqualTo(expected);
    }
}
