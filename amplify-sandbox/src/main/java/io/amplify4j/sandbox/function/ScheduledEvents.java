package io.amplify4j.sandbox.function;

import io.amplify4j.model.function.Schedule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event a scheduled function receives when its schedule fires, shaped as EventBridge delivers a scheduled
 * event ({@code version}, {@code id}, {@code detail-type: "Scheduled Event"}, {@code source}, {@code account},
 * {@code time}, {@code region}, {@code resources} naming the schedule, {@code detail: {}}), with
 * {@code source: "aws.scheduler"} since Amplify schedules functions with EventBridge Scheduler. The sandbox never
 * fires schedules on its own; the admin API runs one on demand.
 */
public final class ScheduledEvents {
    private ScheduledEvents() {}

    /** The schedule's ARN in the sandbox's fake account: {@code <function>-schedule-<index>}. */
    public static String scheduleArn(String function, int index) {
        return "arn:aws:scheduler:" + LambdaContext.REGION + ":" + LambdaContext.ACCOUNT + ":schedule/default/"
                + function + "-schedule-" + index;
    }

    /** The event for the {@code index}th schedule of {@code function} firing at {@code time}. */
    public static Map<String, Object> event(String function, int index, Schedule schedule, Instant time) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.scheduler");
        event.put("account", LambdaContext.ACCOUNT);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", LambdaContext.REGION);
        event.put("resources", List.of(scheduleArn(function, index)));
        Map<String, Object> detail = new LinkedHashMap<>();
        event.put("detail", detail);
        return event;
    }

    /** The schedule's expression as EventBridge Scheduler writes it, with its time zone. */
    static String describe(Schedule schedule) {
        return schedule.expression().schedulerExpression() + " " + schedule.timeZone();
    }
}
