package org.kamal4j.flows.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** What happened to each (host, role) of a boot, for the summary table at the end of a flow. Thread-safe. */
public final class BootReport {

    /**
     * One row: {@code result} is {@code booted}, {@code failed} or {@code halted}; after a failed deploy
     * {@link org.kamal4j.flows.rollout.Rollout} may also write {@code reverted}, {@code revert failed} or
     * {@code untouched}.
     */
    public record Row(String host, String role, String oldVersion, String newVersion, String result,
            Duration took) {}

    private final List<Row> rows = new ArrayList<>();
    private volatile Consumer<Row> listener = r -> { };

    public void add(Row row) {
        synchronized (this) {
            rows.add(row);
        }
        listener.accept(row);
    }

    /** Tells {@code l} of every row added from now on (the rollout's progress lines). */
    public void listen(Consumer<Row> l) {
        this.listener = l;
    }

    /** Replaces {@code old} by {@code updated} (a rollout's later verdict on the same host and role). */
    public synchronized void replace(Row old, Row updated) {
        int i = rows.indexOf(old);
        if (i < 0) {
            rows.add(updated);
        } else {
            rows.set(i, updated);
        }
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The table: a header line and one aligned line per row, in the order the rows were given by host order. */
    public synchronized List<String> table(List<String> hostOrder) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt((Row r) -> hostOrder.indexOf(r.host())));
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"HOST", "ROLE", "OLD", "NEW", "RESULT", "SECONDS"});
        for (Row r : sorted) {
            cells.add(new String[] {r.host(), r.role(), r.oldVersion() == null ? "-" : r.oldVersion(),
                r.newVersion(), r.result(), String.format("%.1f", r.took().toMillis() / 1000.0)});
        }
        int[] widths = new int[6];
        cells.forEach(c -> {
            for (int i = 0; i < 6; i++) {
                widths[i] = Math.max(widths[i], c[i].length());
            }
        });
        List<String> lines = new ArrayList<>();
        for (String[] c : cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                sb.append(i == 0 ? "" : "  ").append(i == 5 ? c[i] : pad(c[i], widths[i]));
            }
            lines.add(sb.toString().stripTrailing());
        }
        return lines;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
