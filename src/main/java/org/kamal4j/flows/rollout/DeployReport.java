package org.kamal4j.flows.rollout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kamal4j.flows.local.CountingTransport;
import org.kamal4j.flows.steps.AppBoot;
import org.kamal4j.flows.steps.BootReport;
import org.kamal4j.json.Json;

/**
 * The JSON report of one deploy (format: docs/report.md): the run, then one entry per selected host with its
 * roles, each role's from/to version, result, cause and seconds. Written by hand: the format is flat and small, and
 * the plugin carries no JSON library. {@link HtmlReport} renders the same entries as a page.
 */
public final class DeployReport {

    /** Results in the report, worst first: a host's result is its worst role's. */
    static final List<String> RESULTS = List.of("revert-failed", "failed", "reverted", "skipped", "deployed", "done");

    private final String goal;
    private final String service;
    private final String version;
    private final Instant startedAt;
    private final Duration took;
    private final boolean revert;
    private final Throwable failure;
    private Function<String, HostFacts> facts = h -> HostFacts.NONE;

    /** What the transport saw on a host: its remote command count and the named steps it ran, with their times. */
    public record HostFacts(int remoteCommands, List<CountingTransport.Span> steps) {
        static final HostFacts NONE = new HostFacts(0, List.of());
    }

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

    /** Adds each host's remote command count and step timeline (from the run's {@link CountingTransport}). */
    public DeployReport facts(Function<String, HostFacts> perHost) {
        this.facts = perHost;
        return this;
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
     * Writes the report to {@code file} (creating its directory) and the HTML page beside it ({@link #htmlBeside}).
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
        List<HostEntry> entries = entries(hosts, roles, rows, causes);
        Files.writeString(file, json(entries), StandardCharsets.UTF_8);
        Files.writeString(htmlBeside(file), HtmlReport.render(this, entries), StandardCharsets.UTF_8);
    }

    /** The HTML page written beside the JSON file: the same name ending in {@code .html}. */
    public static Path htmlBeside(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".html");
    }

    /** One role of a host in the report. */
    record RoleEntry(String role, String from, String to, String result, String cause, double seconds) {}

    /** One host: its worst role's result and its longest role's seconds. */
    record HostEntry(String host, String result, String cause, double seconds, List<RoleEntry> roles,
            HostFacts facts) {}

    /** The error message, or null for a successful deploy. */
    String error() {
        return failure == null ? null : failure.getMessage() == null ? failure.toString()
                : failure.getMessage().strip();
    }

    String goal() {
        return goal;
    }

    String service() {
        return service;
    }

    String version() {
        return version;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return startedAt.plus(took);
    }

    double seconds() {
        return seconds(took);
    }

    /** The entries of the selected hosts, in order: what both renderings show. */
    List<HostEntry> entries(List<String> hosts, Function<String, List<String>> roles, List<BootReport.Row> rows,
            Map<String, String> causes) {
        String error = error();
        List<HostEntry> out = new ArrayList<>();
        for (String host : hosts) {
            if (roles.apply(host).isEmpty()) {
                // a goal that boots nothing: the host failed with a cause, did its part, or was never reached
                String cause = causes.get(host);
                HostFacts seen = facts.apply(host);
                out.add(new HostEntry(host, cause != null ? "failed" : seen.remoteCommands() > 0 ? "done" : "skipped",
                        cause, 0, List.of(), seen));
                continue;
            }
            List<RoleEntry> entries = new ArrayList<>();
            String worst = "deployed";
            double longest = 0;
            for (String role : roles.apply(host)) {
                BootReport.Row row = rows.stream().filter(r -> r.host().equals(host) && r.role().equals(role))
                        .reduce((a, b) -> b).orElse(null);
                String result = row == null ? "skipped" : result(row.result());
                String cause = causes.getOrDefault(AppBoot.key(host, role),
                        result.equals("deployed") || result.equals("reverted") ? null
                                : causes.getOrDefault(host, result.equals("skipped") && error != null
                                        ? "not reached: " + String.join(" ", error.lines().map(String::strip)
                                                .toList()) : null));
                double secs = row == null ? 0 : seconds(row.took());
                longest = Math.max(longest, secs);
                if (RESULTS.indexOf(result) < RESULTS.indexOf(worst)) {
                    worst = result;
                }
                entries.add(new RoleEntry(role, row == null ? null : row.oldVersion(),
                        row == null ? version : row.newVersion(), result, cause, secs));
            }
            out.add(new HostEntry(host, worst, null, longest, entries, facts.apply(host)));
        }
        return out;
    }

    String json(List<String> hosts, Function<String, List<String>> roles, List<BootReport.Row> rows,
            Map<String, String> causes) {
        return json(entries(hosts, roles, rows, causes));
    }

    private String json(List<HostEntry> entries) {
        StringBuilder sb = new StringBuilder("{\n");
        field(sb, 1, "goal", goal).append(",\n");
        field(sb, 1, "service", service).append(",\n");
        field(sb, 1, "version", version).append(",\n");
        field(sb, 1, "startedAt", startedAt.toString()).append(",\n");
        field(sb, 1, "endedAt", endedAt().toString()).append(",\n");
        indent(sb, 1).append("\"seconds\": ").append(seconds(took)).append(",\n");
        indent(sb, 1).append("\"revert\": ").append(revert).append(",\n");
        field(sb, 1, "result", failure == null ? "success" : "failed").append(",\n");
        field(sb, 1, "error", error()).append(",\n");
        indent(sb, 1).append("\"hosts\": [");
        for (int h = 0; h < entries.size(); h++) {
            HostEntry host = entries.get(h);
            sb.append(h == 0 ? "\n" : ",\n");
            indent(sb, 2).append("{\"host\": ").append(Json.quote(host.host())).append(", \"result\": ")
                    .append(Json.quote(host.result())).append(", \"cause\": ").append(Json.quote(host.cause()))
                    .append(", \"seconds\": ").append(host.seconds())
                    .append(", \"remoteCommands\": ").append(host.facts().remoteCommands()).append(", \"steps\": [");
            for (int i = 0; i < host.facts().steps().size(); i++) {
                CountingTransport.Span step = host.facts().steps().get(i);
                sb.append(i == 0 ? "\n" : ",\n");
                indent(sb, 3).append("{\"step\": ").append(Json.quote(step.step())).append(", \"start\": ")
                        .append(Json.quote(step.start().toString())).append(", \"end\": ")
                        .append(Json.quote(step.end().toString())).append(", \"ok\": ").append(step.ok()).append('}');
            }
            if (!host.facts().steps().isEmpty()) {
                indent(sb.append('\n'), 2);
            }
            sb.append("], \"roles\": [\n");
            for (int i = 0; i < host.roles().size(); i++) {
                RoleEntry r = host.roles().get(i);
                indent(sb, 3).append("{\"role\": ").append(Json.quote(r.role())).append(", \"from\": ")
                        .append(Json.quote(r.from())).append(", \"to\": ").append(Json.quote(r.to()))
                        .append(", \"result\": ").append(Json.quote(r.result())).append(", \"cause\": ")
                        .append(Json.quote(r.cause())).append(", \"seconds\": ").append(r.seconds()).append('}')
                        .append(i + 1 < host.roles().size() ? ",\n" : "\n");
            }
            indent(sb, 2).append("]}");
        }
        sb.append(entries.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return sb.toString();
    }

    private static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }

    private static StringBuilder field(StringBuilder sb, int level, String name, String value) {
        return indent(sb, level).append(Json.quote(name)).append(": ").append(Json.quote(value));
    }

    private static StringBuilder indent(StringBuilder sb, int level) {
        return sb.append("  ".repeat(level));
    }
}
