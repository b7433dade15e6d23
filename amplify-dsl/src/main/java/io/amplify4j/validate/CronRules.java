package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cron syntax as EventBridge Scheduler reads it after the plan's translation: five fields (minute, hour,
 * day-of-month, month, day-of-week) or six (plus year). Each field is {@code *}, a value, a range, a step
 * ({@code *}/n, a/n, a-b/n) or a comma list of those; day fields also take {@code ?}, {@code L}, {@code nW}
 * and {@code n#k}. Day-of-week accepts 0 to 7 (0 and 7 are Sunday) and SUN to SAT.
 */
final class CronRules {
    private CronRules() {}

    private record Field(String name, int min, int max, List<String> names) {}

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day-of-month", 1, 31, List.of()),
            new Field("month", 1, 12, MONTHS),
            new Field("day-of-week", 0, 7, DAYS),
            new Field("year", 1970, 2199, List.of()));

    /** What is wrong with the expression, or empty when it is valid. */
    static Optional<String> problem(String expression) {
        String[] parts = expression.trim().split("\\s+");
        if (expression.isBlank() || (parts.length != 5 && parts.length != 6)) {
            return Optional.of("it has " + (expression.isBlank() ? 0 : parts.length) + " fields; use 5 (minute hour "
                    + "day-of-month month day-of-week) or 6 (plus year)");
        }
        for (int i = 0; i < parts.length; i++) {
            Optional<String> p = fieldProblem(FIELDS.get(i), i, parts[i]);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fieldProblem(Field field, int index, String text) {
        String label = "field " + (index + 1) + " (" + field.name() + ")";
        boolean dayField = index == 2 || index == 4;
        if (dayField && (text.equals("?") || text.equals("L") || (index == 2 && text.equals("LW")))) {
            return Optional.empty();
        }
        if (index == 2 && text.matches("\\d{1,2}W")) {
            return range(field, label, text.substring(0, text.length() - 1));
        }
        if (index == 4 && text.matches("[^#]+#\\d")) {
            String[] hash = text.split("#");
            int nth = Integer.parseInt(hash[1]);
            if (nth < 1 || nth > 5) {
                return Optional.of(label + " occurrence " + q(text) + " must be #1 to #5");
            }
            return range(field, label, hash[0]);
        }
        if (index == 4 && text.matches("[^L]+L")) {
            return range(field, label, text.substring(0, text.length() - 1));
        }
        for (String element : text.split(",", -1)) {
            String base = element;
            int slash = element.indexOf('/');
            if (slash >= 0) {
                base = element.substring(0, slash);
                String step = element.substring(slash + 1);
                if (!step.matches("\\d{1,4}") || Integer.parseInt(step) < 1) {
                    return Optional.of(label + " step " + q(element) + " must be a whole number of at least 1");
                }
            }
            if (base.equals("*")) {
                continue;
            }
            int dash = base.indexOf('-');
            if (dash > 0) {
                Optional<String> p = range(field, label, base.substring(0, dash));
                if (p.isEmpty()) {
                    p = range(field, label, base.substring(dash + 1));
                }
                if (p.isPresent()) {
                    return p;
                }
                if (value(field, base.substring(0, dash)) > value(field, base.substring(dash + 1))) {
                    return Optional.of(label + " range " + q(base) + " runs backwards");
                }
            } else {
                Optional<String> p = range(field, label, base);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> range(Field field, String label, String text) {
        int v = value(field, text);
        if (v == Integer.MIN_VALUE) {
            return Optional.of(label + " has " + q(text) + ", which is not a value");
        }
        if (v < field.min() || v > field.max()) {
            return Optional.of(label + " value " + q(text) + " is out of range " + field.min() + "-" + field.max());
        }
        return Optional.empty();
    }

    /** The value of a number or name, or {@link Integer#MIN_VALUE} when it is neither. */
    private static int value(Field field, String text) {
        if (text.matches("\\d{1,4}")) {
            return Integer.parseInt(text);
        }
        int named = field.names().indexOf(text.toUpperCase(Locale.ROOT));
        if (named < 0) {
            return Integer.MIN_VALUE;
        }
        return field.names() == MONTHS ? named + 1 : named;
    }
}
