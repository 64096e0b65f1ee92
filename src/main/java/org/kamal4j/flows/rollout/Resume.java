package org.kamal4j.flows.rollout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kamal4j.FlowException;
import org.kamal4j.json.Json;

/**
 * {@code -Dkamal.resume=true}: what a failed deploy left to do, read from its report. The same version is deployed
 * again only to the hosts the report does not show as {@code deployed} (failed, reverted, revert-failed or never
 * reached); hosts that switched and stayed switched are left alone. The deploy lock is then taken on the first of
 * those hosts, as with {@code -Dkamal.hosts}.
 *
 * @param report  the report read
 * @param version the version that deploy deployed
 * @param hosts   the hosts to deploy again, in the report's order
 */
public record Resume(Path report, String version, List<String> hosts) {

    /** The goals whose reports a resume reads. */
    static final List<String> GOALS = List.of("deploy", "redeploy");

    /**
     * Reads the newest deploy or redeploy report in {@code dir} (else {@code deploy-report.json} there) of
     * {@code service}; refuses when there is none, it is another service's, or it left nothing to do.
     */
    public static Resume fromLastReport(Path dir, String service) throws FlowException {
        try {
            Optional<Path> latest = ReportFiles.latest(dir, GOALS);
            Path file = latest.orElse(dir.resolve(RolloutOptions.REPORT_NAME));
            if (!Files.isRegularFile(file)) {
                throw new FlowException("Nothing to resume: no deploy report in " + dir + " (-Dkamal.resume reads the "
                        + "report of the last deploy)");
            }
            return of(file, Files.readString(file), service);
        } catch (IOException | IllegalArgumentException e) {
            throw new FlowException("Cannot resume: the last deploy report cannot be read: " + e.getMessage(), e);
        }
    }

    /** The resume {@code text}, the report in {@code file}, asks for. */
    @SuppressWarnings("unchecked")
    static Resume of(Path file, String text, String service) throws FlowException {
        Map<String, Object> json = (Map<String, Object>) Json.parse(text);
        if (!service.equals(json.get("service"))) {
            throw new FlowException("Cannot resume: the last deploy report " + file + " is of service '"
                    + json.get("service") + "', not '" + service + "'");
        }
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) json.get("hosts");
        List<String> left = hosts.stream().filter(h -> !"deployed".equals(h.get("result")))
                .map(h -> (String) h.get("host")).toList();
        if ("success".equals(json.get("result")) || left.isEmpty()) {
            throw new FlowException("Nothing to resume: the last " + json.get("goal") + " of " + json.get("version")
                    + " (" + file + ") deployed every host");
        }
        return new Resume(file, (String) json.get("version"), left);
    }

    /** The hosts as a {@code -Dkamal.hosts} value: host names match themselves (they hold no {@code *?[}). */
    public String hostPatterns() {
        return String.join(",", hosts);
    }

    /** What the run says before it starts. */
    public String describe() {
        return "Resuming the deploy of " + version + " from " + report + " on " + hosts.size() + " host(s) it did "
                + "not finish: " + String.join(", ", hosts);
    }
}
