package org.kamal4j.build.jib;

import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.events.TimerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.kamal4j.build.JibResult;

/** Listens to Jib's log: passes lifecycle lines and warnings on, counts pushed and reused blobs. */
final class JibLog {

    /** How many of Jib's last lines a failure shows. */
    private static final int TAIL = 8;

    private final Consumer<String> info;
    private final List<String> lines = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();

    JibLog(Consumer<String> info) {
        this.info = info;
    }

    void accept(LogEvent e) {
        String m = e.getMessage();
        synchronized (lines) {
            lines.add(e.getLevel() + " " + m);
        }
        if (m.startsWith("Skipping push; BLOB already exists")) {
            reused.incrementAndGet();
        }
        if (!m.isBlank() && (e.getLevel() == LogEvent.Level.LIFECYCLE || e.getLevel() == LogEvent.Level.WARN)) {
            info.accept("  Jib: " + m);
        }
    }

    /** Jib times every blob push it starts; those the registry already had end in a "Skipping push" line. */
    void accept(TimerEvent e) {
        if (e.getState() == TimerEvent.State.START && e.getDescription().startsWith("Pushing BLOB")) {
            started.incrementAndGet();
        }
    }

    JibResult result(String digest) {
        return new JibResult(digest, started.get() - reused.get(), reused.get());
    }

    /** The last lines Jib logged, for a failure message. */
    String tail() {
        synchronized (lines) {
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL), lines.size());
            return last.isEmpty() ? "" : "\nJib's last lines:\n  " + String.join("\n  ", last);
        }
    }
}
