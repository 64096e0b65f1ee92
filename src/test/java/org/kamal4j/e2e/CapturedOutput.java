package org.kamal4j.e2e;

import java.util.ArrayList;
import java.util.List;
import org.kamal4j.flows.local.Output;

/** Keeps every line a flow prints (with its level) and echoes it to stdout for the failsafe report. */
final class CapturedOutput implements Output {

    private final String prefix;
    private final List<String> lines = new ArrayList<>();

    CapturedOutput(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void info(String message) {
        add("INFO", message);
    }

    @Override
    public void warn(String message) {
        add("WARN", message);
    }

    @Override
    public void error(String message) {
        add("ERROR", message);
    }

    @Override
    public void debug(String message) {
        add("DEBUG", message);
    }

    private synchronized void add(String level, String message) {
        lines.add(level + " " + message);
        System.out.println(java.time.LocalTime.now() + " [" + prefix + "] " + level + " " + message);
    }

    synchronized String text() {
        return String.join("\n", lines);
    }
}
