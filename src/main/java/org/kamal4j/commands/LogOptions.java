package org.kamal4j.commands;

/**
 * What {@code docker logs} should show: {@code since} and {@code lines} may be null, {@code grep} null means no
 * filter, {@code grepOptions} is shell text appended after the pattern as Kamal does; {@code follow} streams new
 * lines until the command is ended.
 */
public record LogOptions(String since, Integer lines, String grep, String grepOptions, boolean timestamps,
        boolean follow) {

    /** Options for a one-off read (no follow). */
    public LogOptions(String since, Integer lines, String grep, String grepOptions, boolean timestamps) {
        this(since, lines, grep, grepOptions, timestamps, false);
    }

    /**
     * Kamal's defaults for the logs goals: without {@code lines}, the last 100 lines (10 when following) unless
     * {@code since} or {@code grep} limits them.
     */
    public static LogOptions of(Integer lines, String since, String grep, String grepOptions, boolean timestamps,
            boolean follow) {
        Integer tail = lines != null ? lines : since != null || grep != null ? null : follow ? 10 : 100;
        return new LogOptions(since, tail, grep, grepOptions, timestamps, follow);
    }

    /** Kamal's default for one-off log reads: the last 100 lines with timestamps. */
    public static final LogOptions DEFAULT = new LogOptions(null, 100, null, null, true);

    /** Builds the {@code docker logs} invocation (without the container argument) and the grep stage. */
    Command apply(Line dockerLogs) {
        return apply(dockerLogs, true);
    }

    /** Kamal puts {@code --timestamps} first for app logs and last for proxy and accessory logs. */
    Command apply(Line dockerLogs, boolean timestampsFirst) {
        if (timestamps && (timestampsFirst || follow)) {
            dockerLogs.args("--timestamps");
        }
        if (since != null) {
            dockerLogs.args("--since", since);
        }
        if (lines != null) {
            dockerLogs.args("--tail", String.valueOf(lines));
        }
        if (timestamps && !timestampsFirst && !follow) {
            dockerLogs.args("--timestamps");
        }
        if (follow) {
            dockerLogs.args("--follow");
        }
        Command logs = dockerLogs.raw("2>&1").build();
        if (grep == null) {
            return logs;
        }
        return logs.pipe(Line.of("grep", grep).verbatim(grepOptions).build());
    }
}
