package org.kamal4j.config;

/**
 * The bounds on reading one configuration file, so hostile or broken input fails fast with a message naming
 * the limit instead of exhausting memory or time (a "billion laughs" file of nested aliases is the classic
 * case). One place for every number; docs/configuration.md lists them.
 */
public final class ParseLimits {

    /** Largest config file read, before and after ERB (a real deploy.yml is a few KB). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Deepest nesting of maps and lists. */
    public static final int MAX_DEPTH = 64;
    /** Most YAML aliases in one file (SnakeYAML counts them while composing). */
    public static final int MAX_ALIASES = 200;
    /**
     * Most nodes after aliases and merge keys are expanded: this, not the alias count, bounds the billion
     * laughs (10 levels of 9 aliases are only 81 aliases but 9^10 nodes).
     */
    public static final int MAX_NODES = 100_000;
    /** Longest time spent reading one file (YAML composition and expansion, or rendering its ERB). */
    public static final int MAX_SECONDS = 10;
    /**
     * Longest time for ERB that only real Ruby can render (JRuby, which the user adds on purpose): starting a
     * JRuby runtime alone takes 20-45 s on a busy 2-core machine, so the 10 s bound would refuse valid files.
     */
    public static final int MAX_RUBY_SECONDS = 180;

    private ParseLimits() {}

    /** {@code "... (limit: <what> <n>)"} wording shared by every over-limit message. */
    public static String exceeded(String what, long limit) {
        return "refused: more than " + limit + " " + what + " (kamal-maven-plugin's parsing limit)";
    }
}
