package io.amplify4j.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English plurals exactly as the npm {@code pluralize} library (v8) forms them, because Amplify's transformer
 * names {@code listXs} queries and default GSI names with it: a name that pluralizes differently here than in
 * Amplify would break compatibility with Amplify's clients.
 *
 * <p>Behaviour ported (not code): a word is kept if it is uncountable, replaced whole if it is irregular, and
 * otherwise rewritten by the <em>last</em> matching suffix rule; the case of the matched text is carried over to
 * the replacement. Only pluralization is needed, so singularization is left out.
 */
final class Pluralizer {

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = new ArrayList<>();
    private static final Map<String, String> IRREGULAR_SINGLES = new HashMap<>();
    private static final Set<String> IRREGULAR_PLURALS = new HashSet<>();
    private static final Set<String> UNCOUNTABLES = new HashSet<>();

    private static final Pattern GROUP_REF = Pattern.compile("\\$(\\d{1,2})");

    private Pluralizer() {}

    static {
        String[][] irregular = {
            {"I", "we"}, {"me", "us"}, {"he", "they"}, {"she", "they"}, {"them", "them"},
            {"myself", "ourselves"}, {"yourself", "yourselves"}, {"itself", "themselves"},
            {"herself", "themselves"}, {"himself", "themselves"}, {"themself", "themselves"},
            {"is", "are"}, {"was", "were"}, {"has", "have"}, {"this", "these"}, {"that", "those"},
            {"echo", "echoes"}, {"dingo", "dingoes"}, {"graffito", "graffiti"}, {"volcano", "volcanoes"},
            {"tornado", "tornadoes"}, {"torpedo", "torpedoes"}, {"genus", "genera"}, {"viscus", "viscera"},
            {"stigma", "stigmata"}, {"stoma", "stomata"}, {"dogma", "dogmata"}, {"lemma", "lemmata"},
            {"schema", "schemata"}, {"anathema", "anathemata"}, {"ox", "oxen"}, {"axe", "axes"},
            {"die", "dice"}, {"yes", "yeses"}, {"foot", "feet"}, {"eave", "eaves"}, {"goose", "geese"},
            {"tooth", "teeth"}, {"quiz", "quizzes"}, {"human", "humans"}, {"proof", "proofs"},
            {"carve", "carves"}, {"valve", "valves"}, {"looey", "looies"}, {"thief", "thieves"},
            {"groove", "grooves"}, {"pickaxe", "pickaxes"}, {"passerby", "passersby"}
        };
        for (String[] pair : irregular) {
            String single = pair[0].toLowerCase(Locale.ROOT);
            String plural = pair[1].toLowerCase(Locale.ROOT);
            IRREGULAR_SINGLES.put(single, plural);
            IRREGULAR_PLURALS.add(plural);
        }

        rule("s?$", "s");
        rule("[^\\u0000-\\u007F]$", "$0");
        rule("([^aeiou]ese)$", "$1");
        rule("(ax|test)is$", "$1es");
        rule("(alias|[^aou]us|t[lm]as|gas|ris)$", "$1es");
        rule("(e[mn]u)s?$", "$1s");
        rule("([^l]ias|[aeiou]las|[ejzr]as|[iu]am)$", "$1");
        rule("(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)$", "$1i");
        rule("(alumn|alg|vertebr)(?:a|ae)$", "$1ae");
        rule("(seraph|cherub)(?:im)?$", "$1im");
        rule("(her|at|gr)o$", "$1oes");
        rule("(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|automat"
                + "|quor)(?:a|um)$", "$1a");
        rule("(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat)(?:a|on)$",
                "$1a");
        rule("sis$", "ses");
        rule("(?:(kni|wi|li)fe|(ar|l|ea|eo|oa|hoo)f)$", "$1$2ves");
        rule("([^aeiouy]|qu)y$", "$1ies");
        rule("([^ch][ieo][ln])ey$", "$1ies");
        rule("(x|ch|ss|sh|zz)$", "$1es");
        rule("(matr|cod|mur|sil|vert|ind|append)(?:ix|ex)$", "$1ices");
        rule("\\b((?:tit)?m|l)(?:ice|ouse)$", "$1ice");
        rule("(pe)(?:rson|ople)$", "$1ople");
        rule("(child)(?:ren)?$", "$1ren");
        rule("eaux$", "$0");
        rule("m[ae]n$", "men");
        rule("^thou$", "you");

        for (String word : List.of("adulthood", "advice", "agenda", "aid", "aircraft", "alcohol", "ammo",
                "analytics", "anime", "athletics", "audio", "bison", "blood", "bream", "buffalo", "butter", "carp",
                "cash", "chassis", "chess", "clothing", "cod", "commerce", "cooperation", "corps", "debris",
                "diabetes", "digestion", "elk", "energy", "equipment", "excretion", "expertise", "firmware",
                "flounder", "fun", "gallows", "garbage", "hardware", "headquarters", "health", "herpes",
                "highjinks", "homework", "housework", "information", "jeans", "justice", "kudos", "labour",
                "literature", "machinery", "mackerel", "mail", "media", "mews", "moose", "music", "mud", "manga",
                "news", "only", "personnel", "pike", "plankton", "pliers", "police", "pollution", "premises", "rain",
                "research", "rice", "salmon", "scissors", "series", "sewage", "shambles", "shrimp", "software",
                "staff", "swine", "tennis", "traffic", "transportation", "trout", "tuna", "wealth", "welfare",
                "whiting", "wildebeest", "wildlife", "you")) {
            UNCOUNTABLES.add(word);
        }
        // Uncountable patterns are plural rules that keep the match; added last, so they take precedence.
        for (String pattern : List.of("pok[eé]mon$", "[^aeiou]ese$", "deer$", "fish$", "measles$", "o[iu]s$",
                "pox$", "sheep$")) {
            rule(pattern, "$0");
        }
    }

    private static void rule(String regex, String replacement) {
        RULES.add(new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), replacement));
    }

    /** The plural of {@code word}, as {@code pluralize(word)} returns it. */
    static String plural(String word) {
        String token = word.toLowerCase(Locale.ROOT);
        if (IRREGULAR_PLURALS.contains(token)) {
            return restoreCase(word, token);
        }
        if (IRREGULAR_SINGLES.containsKey(token)) {
            return restoreCase(word, IRREGULAR_SINGLES.get(token));
        }
        if (token.isEmpty() || UNCOUNTABLES.contains(token)) {
            return word;
        }
        for (int i = RULES.size() - 1; i >= 0; i--) {
            Rule rule = RULES.get(i);
            Matcher matcher = rule.pattern().matcher(word);
            if (matcher.find()) {
                return replace(word, matcher, rule.replacement());
            }
        }
        return word;
    }

    private static String replace(String word, Matcher matcher, String replacement) {
        Matcher refs = GROUP_REF.matcher(replacement);
        StringBuilder result = new StringBuilder();
        while (refs.find()) {
            int group = Integer.parseInt(refs.group(1));
            String value = group <= matcher.groupCount() ? matcher.group(group) : null;
            refs.appendReplacement(result, Matcher.quoteReplacement(value == null ? "" : value));
        }
        refs.appendTail(result);
        String match = matcher.group();
        // An empty match (the "s?$" rule) takes its case from the character before it.
        String restored = match.isEmpty()
                ? restoreCase(matcher.start() > 0 ? word.substring(matcher.start() - 1, matcher.start()) : "",
                        result.toString())
                : restoreCase(match, result.toString());
        return word.substring(0, matcher.start()) + restored + word.substring(matcher.end());
    }

    private static String restoreCase(String word, String token) {
        if (word.equals(token)) {
            return token;
        }
        if (word.equals(word.toLowerCase(Locale.ROOT))) {
            return token.toLowerCase(Locale.ROOT);
        }
        if (word.equals(word.toUpperCase(Locale.ROOT))) {
            return token.toUpperCase(Locale.ROOT);
        }
        String first = word.substring(0, 1);
        if (first.equals(first.toUpperCase(Locale.ROOT))) {
            return token.isEmpty() ? token : Character.toUpperCase(token.charAt(0)) + token.substring(1).toLowerCase(Locale.ROOT);
        }
        return token.toLowerCase(Locale.ROOT);
    }
}
