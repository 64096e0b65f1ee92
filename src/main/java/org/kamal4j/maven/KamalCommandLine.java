package org.kamal4j.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Kamal command line (an alias's text, as deploy.yml {@code aliases:} holds it) turned into the goal that does it
 * here and that goal's {@code -D} properties: {@code app exec -i --reuse "bin/rails console"} becomes
 * {@code app-exec} with {@code kamal.interactive=true}, {@code kamal.reuse=true},
 * {@code kamal.command=bin/rails console}. One place knows Kamal's command words and options.
 *
 * @param goal       the goal name ({@code app-exec})
 * @param properties the goal's user properties
 */
public record KamalCommandLine(String goal, Map<String, String> properties) {

    /** Commands whose subcommand is part of the goal name ({@code app exec} is {@code app-exec}). */
    private static final Set<String> GROUPS = Set.of("app", "accessory", "proxy", "lock", "server", "build", "prune",
            "registry");

    /** Commands of one word that are goals as they are. */
    private static final Set<String> SINGLE = Set.of("setup", "deploy", "redeploy", "rollback", "remove", "details",
            "config", "version", "init");

    /** Options without a value, and the property each sets to {@code true}. */
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("-i", "kamal.interactive"), Map.entry("--interactive", "kamal.interactive"),
            Map.entry("--reuse", "kamal.reuse"), Map.entry("-p", "kamal.primary"),
            Map.entry("--primary", "kamal.primary"), Map.entry("-f", "kamal.follow"),
            Map.entry("--follow", "kamal.follow"), Map.entry("-y", "kamal.confirmed"),
            Map.entry("--confirmed", "kamal.confirmed"), Map.entry("-H", "kamal.skipHooks"),
            Map.entry("--skip-hooks", "kamal.skipHooks"), Map.entry("-P", "kamal.skipPush"),
            Map.entry("--skip-push", "kamal.skipPush"), Map.entry("-T", "kamal.timestamps"),
            Map.entry("--timestamps", "kamal.timestamps"), Map.entry("--stop", "kamal.stop"),
            Map.entry("--detach", "kamal.detach"), Map.entry("--lock-wait", "kamal.lockWait"));

    /** Options with a value, and the property the value goes to. */
    private static final Map<String, String> VALUED = Map.ofEntries(
            Map.entry("-r", "kamal.roles"), Map.entry("--roles", "kamal.roles"), Map.entry("-h", "kamal.hosts"),
            Map.entry("--hosts", "kamal.hosts"), Map.entry("-d", "kamal.destination"),
            Map.entry("--destination", "kamal.destination"), Map.entry("--version", "kamal.version"),
            Map.entry("-n", "kamal.lines"), Map.entry("--lines", "kamal.lines"), Map.entry("-s", "kamal.since"),
            Map.entry("--since", "kamal.since"), Map.entry("-g", "kamal.grep"), Map.entry("--grep", "kamal.grep"),
            Map.entry("-m", "kamal.message"), Map.entry("--message", "kamal.message"),
            Map.entry("-c", "kamal.configFile"), Map.entry("--config-file", "kamal.configFile"),
            Map.entry("--lock-wait-timeout", "kamal.lockWaitTimeout"),
            Map.entry("--lock-wait-interval", "kamal.lockWaitInterval"));

    /** Every property an option or a positional word can set. */
    static Set<String> settableProperties() {
        Set<String> all = new TreeSet<>(FLAGS.values());
        all.addAll(VALUED.values());
        all.addAll(List.of("kamal.accessory", "kamal.version", "kamal.command"));
        return all;
    }

    /**
     * Parses {@code words} (the alias text split as a shell would, then the extra arguments). Words that are not
     * options are the accessory name ({@code accessory ... NAME}), the version ({@code rollback VERSION}) or the
     * command ({@code exec CMD...}, joined with spaces).
     *
     * @throws IllegalArgumentException naming what cannot be run here
     */
    public static KamalCommandLine parse(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the alias is empty");
        }
        String first = words.get(0);
        int next = 1;
        String goal;
        if (GROUPS.contains(first)) {
            if (words.size() < 2 || words.get(1).startsWith("-")) {
                throw new IllegalArgumentException("`" + first + "` needs a subcommand (e.g. `" + first + " details`)");
            }
            goal = first + "-" + words.get(1).replace('_', '-');
            next = 2;
        } else if (SINGLE.contains(first)) {
            goal = first;
        } else {
            throw new IllegalArgumentException("`" + first + "` is not a Kamal command this plugin runs as a goal "
                    + "(docs/compatibility.md lists them)");
        }
        Map<String, String> props = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        // an exec goal's command starts at its first word that is not an option (after the accessory name): what
        // follows is the command's own, options included (`accessory exec db psql -c ...`)
        int commandAfter = goal.equals("accessory-exec") ? 1 : 0;
        for (int i = next; i < words.size(); i++) {
            String w = words.get(i);
            if (goal.endsWith("-exec") && rest.size() > commandAfter) {
                rest.add(w);
                continue;
            }
            String inline = w.startsWith("--") && w.contains("=") ? w.substring(w.indexOf('=') + 1) : null;
            String option = inline != null ? w.substring(0, w.indexOf('=')) : w;
            if (FLAGS.containsKey(option) && inline == null) {
                props.put(FLAGS.get(option), "true");
            } else if (VALUED.containsKey(option)) {
                if (inline == null && i + 1 >= words.size()) {
                    throw new IllegalArgumentException("option " + option + " needs a value");
                }
                props.put(VALUED.get(option), inline != null ? inline : words.get(++i));
            } else if (w.startsWith("-") && rest.isEmpty()) {
                throw new IllegalArgumentException("option " + w + " is not offered by the goal kamal:" + goal);
            } else {
                rest.add(w);
            }
        }
        positional(goal, rest, props);
        return new KamalCommandLine(goal, Map.copyOf(props));
    }

    /** Where the words that are not options go for {@code goal}. */
    private static void positional(String goal, List<String> rest, Map<String, String> props) {
        List<String> words = new ArrayList<>(rest);
        if (goal.startsWith("accessory-") && !words.isEmpty()) {
            props.put("kamal.accessory", words.remove(0));
        }
        if (goal.equals("rollback") && !words.isEmpty()) {
            props.put("kamal.version", words.remove(0));
        }
        if (words.isEmpty()) {
            return;
        }
        if (goal.endsWith("-exec")) {
            props.put("kamal.command", String.join(" ", words));
        } else {
            throw new IllegalArgumentException("kamal:" + goal + " takes no argument " + String.join(" ", words));
        }
    }

    /**
     * Splits alias text into words as a POSIX shell would for a simple command: single quotes literal, double quotes
     * with {@code \} escaping {@code "}, {@code \}, {@code $} and a backquote, a backslash outside quotes escaping
     * the next character.
     */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ' in: " + text);
                }
                cur.append(text, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                        d = text.charAt(++i);
                    }
                    cur.append(d);
                    i++;
                }
                if (i >= text.length()) {
                    throw new IllegalArgumentException("unterminated \" in: " + text);
                }
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                cur.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }
}
