package org.kamal4j.flows.rollout;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.kamal4j.flows.local.CountingTransport;

/**
 * The deploy report as one self-contained HTML page (inline CSS, no script, no network): the run's outcome, then
 * one row per host and role with its versions, result, cause, and a timeline of the host's steps (pull, run,
 * health, stop, ...) on the run's time scale, or a bar of its boot time when no steps were recorded, so slow hosts
 * stand out. Failures are red with their cause.
 */
final class HtmlReport {

    private static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
            h1{font-size:20px;margin:0 0 4px}
            .meta{color:#555;margin-bottom:12px}
            .error{background:#fdecea;border:1px solid #f5c2c0;padding:8px;white-space:pre-wrap;font-family:monospace}
            table{border-collapse:collapse;width:100%;margin-top:12px}
            td:first-child{white-space:nowrap}
            th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}
            .r{font-weight:600;padding:1px 6px;border-radius:3px}
            .deployed,.done{background:#e3f4e6;color:#1b5e20}
            .reverted{background:#fff4d6;color:#8a5a00}
            .failed,.revert-failed{background:#fdecea;color:#b71c1c}
            .skipped{background:#eee;color:#555}
            .cause{font-family:monospace;white-space:pre-wrap;color:#b71c1c}
            .bar{height:10px;background:#6b8fd6;min-width:1px}
            .tl{position:relative;height:12px;background:#f4f4f4}
            .tl span{position:absolute;top:0;height:12px;min-width:2px;background:#6b8fd6}
            .tl span.pull{background:#9e9e9e}
            .tl span.health{background:#4caf50}
            .tl span.bad{background:#d32f2f}
            .legend span.pull{background:#9e9e9e}
            .legend span{display:inline-block;width:10px;height:10px;margin:0 3px 0 10px}
            """;

    private HtmlReport() {}

    static String render(DeployReport report, List<DeployReport.HostEntry> hosts) {
        String error = report.error();
        double longest = hosts.stream().mapToDouble(DeployReport.HostEntry::seconds).max().orElse(0);
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>kamal:" + esc(report.goal()) + " " + esc(report.service()) + " " + esc(report.version())
                + "</title>\n<style>\n" + CSS + "</style></head>\n<body>\n");
        sb.append("<h1>kamal:").append(esc(report.goal())).append(' ').append(esc(report.service())).append(' ')
                .append(esc(report.version())).append(" &mdash; ").append(error == null ? "success" : "failed")
                .append("</h1>\n<div class=\"meta\">started ").append(esc(report.startedAt().toString()))
                .append(", ").append(String.format(Locale.ROOT, "%.1f", report.seconds())).append(" s, ")
                .append(hosts.size()).append(" host(s): ").append(esc(counts(hosts))).append("</div>\n");
        if (error != null) {
            sb.append("<div class=\"error\" id=\"error\">").append(esc(error)).append("</div>\n");
        }
        sb.append("<table id=\"hosts\">\n<tr><th>Host</th><th>Role</th><th>From</th><th>To</th><th>Result</th>"
                + "<th>Seconds</th><th>Timeline</th><th>Cause</th></tr>\n");
        for (DeployReport.HostEntry host : hosts) {
            // a goal that boots nothing has no roles: one row for the host itself
            List<DeployReport.RoleEntry> rows = !host.roles().isEmpty() ? host.roles() : List.of(
                    new DeployReport.RoleEntry("-", null, report.version(), host.result(), host.cause(), 0));
            for (DeployReport.RoleEntry role : rows) {
                double width = longest <= 0 ? 0 : 100 * role.seconds() / longest;
                sb.append("<tr class=\"row-").append(esc(role.result())).append("\"><td>").append(esc(host.host()))
                        .append("</td><td>").append(esc(role.role())).append("</td><td>")
                        .append(esc(role.from() == null ? "-" : role.from())).append("</td><td>")
                        .append(esc(role.to())).append("</td><td><span class=\"r ").append(esc(role.result()))
                        .append("\">").append(esc(role.result())).append("</span></td><td>")
                        .append(String.format(Locale.ROOT, "%.1f", role.seconds()))
                        .append("</td><td style=\"width:25%\">").append(host.facts().steps().isEmpty()
                                ? "<div class=\"bar\" style=\"width:" + String.format(Locale.ROOT, "%.0f", width)
                                        + "%\"></div>" : timeline(report, host.facts().steps()))
                        .append("</td><td class=\"cause\">")
                        .append(esc(role.cause() == null ? "" : role.cause())).append("</td></tr>\n");
            }
        }
        return sb.append("</table>\n<div class=\"meta legend\">Timeline: <span class=\"pull\"></span>pull"
                + "<span style=\"background:#6b8fd6\"></span>other steps (run, stop, ...)<span style=\"background:#4caf50\">"
                + "</span>health checks<span style=\"background:#d32f2f\"></span>a step that failed; hover for names "
                + "and times</div>\n</body></html>\n").toString();
    }

    /**
     * The host's named steps on the run's time scale, one coloured segment each (grey pull, green health checks,
     * red a step that failed), its name and times in the tooltip.
     */
    private static String timeline(DeployReport report, List<CountingTransport.Span> steps) {
        double total = Math.max(0.001, Duration.between(report.startedAt(), report.endedAt()).toMillis());
        StringBuilder sb = new StringBuilder("<div class=\"tl\">");
        for (CountingTransport.Span step : steps) {
            double left = Math.max(0, Duration.between(report.startedAt(), step.start()).toMillis()) / total * 100;
            double width = Duration.between(step.start(), step.end()).toMillis() / total * 100;
            String kind = !step.ok() ? "bad" : step.step().startsWith("pull") ? "pull"
                    : step.step().equals("health") ? "health" : "";
            sb.append("<span class=\"").append(kind).append("\" style=\"left:")
                    .append(String.format(Locale.ROOT, "%.1f", Math.min(left, 100))).append("%;width:")
                    .append(String.format(Locale.ROOT, "%.1f", Math.min(width, 100 - Math.min(left, 100))))
                    .append("%\" title=\"").append(esc(step.step() + " " + step.start() + " to " + step.end()
                            + (step.ok() ? "" : " (failed)"))).append("\"></span>");
        }
        return sb.append("</div>").toString();
    }

    /** "2 deployed, 1 failed": how many hosts ended with each result, worst first. */
    private static String counts(List<DeployReport.HostEntry> hosts) {
        return String.join(", ", DeployReport.RESULTS.stream().map(r -> hosts.stream()
                .filter(h -> h.result().equals(r)).count() + " " + r).filter(s -> !s.startsWith("0 ")).toList());
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
