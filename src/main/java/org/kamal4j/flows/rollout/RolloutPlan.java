package org.kamal4j.flows.rollout;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.kamal4j.FlowException;
import org.kamal4j.runner.FailureBudget;
import org.kamal4j.runner.HostCount;

/**
 * How a deploy stages its boot beyond Kamal: a failure budget and a canary (docs/configuration.md, "Rollout").
 * Plugin parameters only, never deploy.yml keys, so a deploy.yml stays Kamal's.
 *
 * @param maxFailures       failed hosts the rollout goes on past ({@code kamal.maxFailures}, a count or a
 *                          percentage of the selected app hosts, rounded down; 0: Kamal's behaviour)
 * @param canary            hosts of the primary role booted and checked first ({@code kamal.canary}, a count or a
 *                          percentage of the selected primary-role hosts, rounded up; 0: no canary)
 * @param canaryCheck       shell command run on each canary host after the wait; exit 0 passes (null: none)
 * @param canaryUrl         URL fetched from the deploying machine for each canary host, {@code {host}} replaced by
 *                          the host (null: none)
 * @param canaryStatus      the HTTP status {@code canaryUrl} must answer
 * @param canaryWaitSeconds how long the canary runs before it is checked and the rest rolls out
 */
public record RolloutPlan(HostCount maxFailures, HostCount canary, String canaryCheck, String canaryUrl,
        int canaryStatus, int canaryWaitSeconds) {

    /** Kamal's boot: no canary, no failure budget. */
    public static RolloutPlan none() {
        return new RolloutPlan(HostCount.NONE, HostCount.NONE, null, null, 200, 0);
    }

    /** Reads the goal's parameters; every problem is reported at once, before anything connects. */
    public static RolloutPlan of(String maxFailures, String canary, String canaryCheck, String canaryUrl,
            int canaryStatus, int canaryWaitSeconds) throws FlowException {
        List<String> problems = new ArrayList<>();
        HostCount failures = count("kamal.maxFailures", maxFailures, problems);
        HostCount canaryCount = count("kamal.canary", canary, problems);
        String check = blankToNull(canaryCheck);
        String url = blankToNull(canaryUrl);
        if (url != null) {
            try {
                URI uri = URI.create(url.replace("{host}", "host.example"));
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add("kamal.canaryUrl: '" + url + "' is not an http or https URL");
                }
            } catch (IllegalArgumentException e) {
                problems.add("kamal.canaryUrl: '" + url + "' is not a URL: " + e.getMessage());
            }
        }
        if (canaryStatus < 100 || canaryStatus > 599) {
            problems.add("kamal.canaryStatus: " + canaryStatus + " is not an HTTP status (100-599)");
        }
        if (canaryWaitSeconds < 0) {
            problems.add("kamal.canaryWait: " + canaryWaitSeconds + " is negative; give seconds (0: no wait)");
        }
        if (canaryCount.value() == 0 && (check != null || url != null || canaryWaitSeconds > 0)) {
            problems.add("kamal.canaryCheck, kamal.canaryUrl and kamal.canaryWait need a canary: set kamal.canary "
                    + "(a count or a percentage of the primary role's hosts)");
        }
        if (!problems.isEmpty()) {
            throw new FlowException("Invalid rollout parameters:\n  " + String.join("\n  ", problems));
        }
        return new RolloutPlan(failures, canaryCount, check, url, canaryStatus, canaryWaitSeconds);
    }

    /** Whether a canary boots first. */
    public boolean hasCanary() {
        return canary.value() > 0;
    }

    /** The failure budget for {@code appHosts} selected app hosts, named as the user set it. */
    public FailureBudget budget(int appHosts) {
        int limit = maxFailures.of(appHosts, false);
        if (limit == 0) {
            return FailureBudget.none();
        }
        return new FailureBudget(limit, "-Dkamal.maxFailures=" + maxFailures + (maxFailures.percent()
                ? " of " + appHosts + " hosts: " + limit : ""));
    }

    private static HostCount count(String property, String text, List<String> problems) {
        try {
            return HostCount.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(property + ": " + e.getMessage());
            return HostCount.NONE;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
