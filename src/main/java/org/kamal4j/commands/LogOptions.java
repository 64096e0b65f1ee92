package org.kamal4j.commands;

/**
 * What {@code docker logs} should show: {@code since} and {@code lines} may be null, {@code grep} null means no
 * filter, {@code grepOptions} is shell text appended after the pattern as Kamal does.
 */
public record LogOptions(String since, Integer lines, String grep, String grepOptions, boolean timestamps) {

    /** Kamal's default for one-off log reads: the last 100 lines with timestamps. */
    public static final LogOptions DEFAULT = new LogOptions(null, 100, null, null, true);

    /** Builds the {@code docker logs} invocation (without the container argument) and the grep stage. */
    Command apply(Line dockerLogs) {
        return apply(dockerLogs, true);
    }

    /** Kamal puts {@code --timestamps} first for app logs and last for proxy and accessory logs. */
    Command apply(Line dockerLogs, boolean timestampsFirst) {
        if (timestamps && timestampsFirst) {
            dockerLogs.args("--timestamps");
        }
        if (since != null) {
            dockerLogs.args("--since", since);
        }
        if (lines != null) {
            dockerLogs.args("--tail", String.valueOf(lines));
        }
        if (timestamps && !timestampsFirst) {
            dockerLogs.args("--timestamps");
        }
        Command logs = dockerLogs.raw("2>&1").build();
        if (grep == null) {
            return logs;
        }
        return logs.pipe(Line.of("grep", grep).verbatim(grepOptions).build());
    }
}
