package org.kamal4j.flows;

import java.util.ArrayList;
import java.util.List;
import org.kamal4j.flows.local.Output;

/** Keeps every line with its level, for assertions. */
public final class RecordingOutput implements Output {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void line(Level level, String message) {
        lines.add(level + " " + message);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }
}
