package org.kamal4j.flows.rollout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.kamal4j.flows.steps.AppBoot;
import org.kamal4j.flows.steps.BootReport;

/**
 * The JSON report of one deploy (format: docs/report.md): the run, then one entry per selected host with its
 * roles, each role's from/to version, result, cause and seconds. Written by hand: the format is flat and small, and
 * the plugin carries no JSON library.
 */
public final class DeployReport {

    /** Results in the report, worst first: a host's result is its worst role's. */
    static final List<String> RESULTS = List.of("revert-failed", "failed", "reverted", "skipped", "deployed");

    private final String goal;
    private final String service;
    private final String version;
    private final Instant startedAt;
    private final Duration took;
    private final boolean revert;
    private final Throwable failure;

    public DeployReport(String goal, String service, String version, Instant startedAt, Duration took,
            boolean revert, Throwable failure) {
        this.goal = goal;
        this.service = service;
        this.version = version;
        this.startedAt = startedAt;
        this.took = took;
        this.revert = revert;
        this.failure = failure;
    }

    /** The report's result for a boot report row's result. */
    static String result(String bootResult) {
        return switch (bootResult) {
            case "booted" -> "deployed";
            case FleetRevert.REVERTED -> "reverted";
            case FleetRevert.REVERT_FAILED -> "revert-failed";
            case "failed", "halted" -> "failed";
            default -> "skipped";
        };
    }

    /**
     * Writes the report to {@code file} (creating its directory).
     *
     * @param hosts  the selected hosts, in order
     * @param roles  the roles on a host
     * @param causes causes keyed by host or by {@link AppBoot#key}
     */
    public void write(Path file, List<String> hosts, Function<String, List<String>> roles, List<BootReport.Row> rows,
            Map<String, String> causes) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, json(hosts, roles, rows, causes), StandardCharsets.UTF_8);
    }

    String json(List<String> hosts, Function<String, List<String>> roles, List<BootReport.Row> rows,
            Map<String, String> causes) {
        String error = failure == null ? null : failure.getMessage() == null ? failure.toString()
                : failure.getMessage().strip();
        StringBuilder sb = new StringBuilder("{\n");
        field(sb, 1, "goal", goal).append(",\n");
        field(sb, 1, "service", service).append(",\n");
        field(sb, 1, "version", version).append(",\n");
        field(sb, 1, "startedAt", startedAt.toString()).append(",\n");
        indent(sb, 1).append("\"seconds\": ").append(seconds(took)).append(",\n");
        indent(sb, 1).append("\"revert\": ").append(revert).append(",\n");
        field(sb, 1, "result", failure == null ? "success" : "failed").append(",\n");
        field(sb, 1, "error", error).append(",\n");
        indent(sb, 1).append("\"hosts\": [");
        for (int h = 0; h < hosts.size(); h++) {
            String host = hosts.get(h);
            List<String> entries = new ArrayList<>();
            String worst = "deployed";
            double longest = 0;
            for (String role : roles.apply(host)) {
                BootReport.Row row = rows.stream().filter(r -> r.host().equals(host) && r.role().equals(role))
                        .reduce((a, b) -> b).orElse(null);
                String result = row == null ? "skipped" : result(row.result());
                String cause = causes.getOrDefault(AppBoot.key(host, role),
                        result.equals("deployed") || result.equals("reverted") ? null
                                : causes.getOrDefault(host, result.equals("skipped") && error != null
                                        ? "not reached: " + String.join(" ", error.lines().map(String::strip).toList()) : null));
                double secs = row == null ? 0 : seconds(row.took());
                longest = Math.max(longest, secs);
                if (RESULTS.indexOf(result) < RESULTS.indexOf(worst)) {
                    worst = result;
                }
                StringBuilder e = new StringBuilder("{");
                e.append("\"role\": ").append(quote(role)).append(", \"from\": ")
                        .append(quote(row == null ? null : row.oldVersion())).append(", \"to\": ")
                        .append(quote(row == null ? version : row.newVersion())).append(", \"result\": ")
                        .append(quote(result)).append(", \"cause\": ").append(quote(cause)).append(", \"seconds\": ")
                        .append(secs).append('}');
                entries.add(e.toString());
            }
            sb.append(h == 0 ? "\n" : ",\n");
            indent(sb, 2).append("{\"host\": ").append(quote(host)).append(", \"result\": ").append(quote(worst))
                    .append(", \"seconds\": ").append(longest).append(", \"roles\": [\n");
            for (int i = 0; i < entries.size(); i++) {
                indent(sb, 3).append(entries.get(i)).append(i + 1 < entries.size() ? ",\n" : "\n");
            }
            indent(sb, 2).append("]}");
        }
        sb.append(hosts.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return sb.toString();
    }

    private static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }

    private static StringBuilder field(StringBuilder sb, int level, String name, String value) {
        return indent(sb, level).append(quote(name)).append(": ").append(quote(value));
    }

    private static StringBuilder indent(StringBuilder sb, int level) {
        return sb.append("  ".repeat(level));
    }

    /** A JSON string literal, or {@code null}. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
