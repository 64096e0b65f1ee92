package org.kamal4j.e2e;

import java.time.LocalTime;
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
    public synchronized void line(Level level, String message) {
        lines.add(level + " " + message);
        System.out.println(LocalTime.now() + " [" + prefix + "] " + level + " " + message);
    }

    synchronized String text() {
        return String.join("\n", lines);
    }
}
