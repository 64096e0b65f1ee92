package org.kamal4j.flows.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kamal4j.flows.local.CountingTransport;
import org.kamal4j.runner.MultiHostException;

/**
 * The HTML page of a 3-host deploy with one failure, rendered by headless Chromium: a screenshot kept at
 * target/report.png for people to look at, and the rendered text checked for every host, result and cause.
 */
class HtmlReportTest {

    @Test
    void chromiumRendersEveryHostResultAndCauseWithoutNetwork() throws Exception {
        String cause = "Container <app-web-v2> is unhealthy & did not pass \"/up\"";
        MultiHostException failure = new MultiHostException("host roles", 3, List.of(
                new MultiHostException.Failure("web-2.example", new IllegalStateException(cause))));
        Path dir = Path.of("target/kamal-html-report-test");
        Path json = dir.resolve(RolloutOptions.REPORT_NAME);
        Instant t0 = Instant.parse("2026-12-03T07:00:00Z");
        new DeployReport("deploy", "app", "v2", t0, Duration.ofSeconds(45), true, failure)
                .facts(h -> h.startsWith("web") ? new DeployReport.HostFacts(14, List.of(
                        new CountingTransport.Span("pull", t0.plusSeconds(1), t0.plusSeconds(6), true),
                        new CountingTransport.Span("run", t0.plusSeconds(8), t0.plusSeconds(9), true),
                        new CountingTransport.Span("health", t0.plusSeconds(9), t0.plusSeconds(38),
                                h.equals("web-1.example")))) : DeployReport.HostFacts.NONE)
                .write(json, OneFailedDeploy.HOSTS, OneFailedDeploy::roles, OneFailedDeploy.ROWS,
                        Map.of("web-2.example", cause));
        Path html = DeployReport.htmlBeside(json);
        String page = Files.readString(html);
        assertFalse(page.matches("(?s).*(https?:|<script|<link|src=).*"), "nothing to fetch: " + page);
        assertTrue(page.contains("&lt;app-web-v2&gt;"), "causes are escaped: " + page);

        Path png = Path.of("target/report.png");
        Files.deleteIfExists(png);
        HeadlessChromium.screenshot(html, png);
        assertTrue(Files.size(png) > 10_000, "a screenshot of the page: " + Files.size(png) + " bytes");

        String dom = HeadlessChromium.dumpDom(html);
        String text = dom.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        for (String host : OneFailedDeploy.HOSTS) {
            assertTrue(text.contains(host), host + " in " + text);
        }
        assertTrue(text.contains("web-1.example web v1 v2 reverted 12.3"), text);
        assertTrue(text.contains("web-2.example web v1 v2 failed 31.0 Container &lt;app-web-v2&gt; is unhealthy "
                + "&amp; did not pass \"/up\""), text);
        assertTrue(text.contains("jobs-1.example workers - v2 skipped 0.0 not reached: "), text);
        assertTrue(text.contains("1 failed, 1 reverted, 1 skipped"), text);
        assertEquals(1, count(dom, "class=\"r failed\""), dom);
        assertEquals(2, count(dom, "class=\"tl\""), "a timeline for each host with steps: " + dom);
        assertEquals(1, count(dom, "class=\"bad\""), "web-2's failed health checks in red: " + dom);
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }
}
