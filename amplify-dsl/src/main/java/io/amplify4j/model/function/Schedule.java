package io.amplify4j.model.function;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * When a function runs on its own, through EventBridge Scheduler.
 *
 * @param expression a rate or a cron expression
 * @param timeZone an IANA time zone, {@code UTC} by default
 */
public record Schedule(Expression expression, String timeZone) {
    public Schedule {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** A schedule expression. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Rate.class, name = "rate"),
        @JsonSubTypes.Type(value = Cron.class, name = "cron")
    })
    public sealed interface Expression {
        /** The expression in EventBridge Scheduler's syntax. */
        String schedulerExpression();
    }

    /** Every {@code amount} {@code unit}s. */
    public record Rate(int amount, RateUnit unit) implements Expression {
        public Rate {
            Objects.requireNonNull(unit, "unit");
        }

        @Override
        public String schedulerExpression() {
            String unitName = unit.name().toLowerCase(java.util.Locale.ROOT);
            return "rate(" + amount + " " + (amount == 1 ? unitName : unitName + "s") + ")";
        }
    }

    /** The unit of a {@code rate(...)} schedule. */
    public enum RateUnit {
        MINUTE(60),
        HOUR(3600),
        DAY(86400);

        private final int seconds;

        RateUnit(int seconds) {
            this.seconds = seconds;
        }

        public int seconds() {
            return seconds;
        }
    }

    /**
     * A cron expression of five fields (minute hour day-of-month month day-of-week) or six (plus year), with Unix
     * day-of-week numbers (0 and 7 are Sunday).
     */
    public record Cron(String expression) implements Expression {
        public Cron {
            Objects.requireNonNull(expression, "expression");
        }

        /**
         * EventBridge Scheduler's six-field form: the year defaults to {@code *}, day-of-week numbers become AWS's
         * 1 (Sunday) to 7 (Saturday), and the day field the expression leaves open becomes {@code ?} (AWS requires
         * exactly one of day-of-month and day-of-week to be {@code ?}).
         */
        @Override
        public String schedulerExpression() {
            String[] fields = expression.trim().split("\\s+");
            String dayOfMonth = fields.length > 2 ? fields[2] : "*";
            String dayOfWeek = fields.length > 4 ? awsDaysOfWeek(fields[4]) : "*";
            boolean monthOpen = dayOfMonth.equals("*") || dayOfMonth.equals("?");
            boolean weekOpen = dayOfWeek.equals("*") || dayOfWeek.equals("?");
            if (weekOpen) {
                dayOfWeek = "?";
                dayOfMonth = monthOpen ? "*" : dayOfMonth;
            } else if (monthOpen) {
                dayOfMonth = "?";
            }
            String year = fields.length > 5 ? fields[5] : "*";
            return "cron(" + fields[0] + " " + fields[1] + " " + dayOfMonth + " " + (fields.length > 3 ? fields[3]
                    : "*") + " " + dayOfWeek + " " + year + ")";
        }

        /** Unix day-of-week numbers (0-7, Sunday 0 or 7) as AWS numbers (1-7, Sunday 1); names unchanged. */
        private static String awsDaysOfWeek(String field) {
            StringBuilder out = new StringBuilder();
            java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("(?<![/#])\\b([0-7])\\b").matcher(field);
            while (numbers.find()) {
                numbers.appendReplacement(out, String.valueOf(Integer.parseInt(numbers.group(1)) % 7 + 1));
            }
            numbers.appendTail(out);
            return out.toString();
        }
    }
}
