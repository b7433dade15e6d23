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

    /** A cron expression of five fields (minute hour day-of-month month day-of-week) or six (plus year). */
    public record Cron(String expression) implements Expression {
        public Cron {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String schedulerExpression() {
            return "cron(" + expression + ")";
        }
    }
}
