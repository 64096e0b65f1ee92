package org.kamal4j.flows.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.flows.AppQueryFlows;
import org.kamal4j.flows.FlowFixture;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.json.Json;

/** A goal that boots nothing gets a report too: per host done or skipped, its remote commands, named by the goal. */
class GoalReportTest {

    @TempDir
    Path dir;

    @Test
    void aQueryGoalsReportNamesItAndCountsEachHostsCommands() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            FlowContext ctx = f.context(f.selection(), "app");
            Rollout report = new Rollout(ctx, new RolloutOptions(false, dir.resolve(RolloutOptions.REPORT_NAME)));
            new AppQueryFlows(ctx).containers();
            report.writeGoalReport("app-containers");
            report.printReportPath();

            Path file = ReportFiles.latest(dir, List.of("app-containers")).orElseThrow();
            assertTrue(Files.exists(DeployReport.htmlBeside(file)));
            assertTrue(!Files.exists(dir.resolve(RolloutOptions.REPORT_NAME)), "deploy-report.json is the deploy's");
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(file));
            assertEquals("app-containers", json.get("goal"));
            assertEquals("success", json.get("result"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> hosts = (List<Map<String, Object>>) json.get("hosts");
            assertEquals(List.of("1.1.1.1", "1.1.1.2", "1.1.1.3"), hosts.stream().map(h -> h.get("host")).toList());
            assertEquals(Map.of("host", "1.1.1.3", "result", "skipped", "remoteCommands", 0.0), Map.of("host",
                    hosts.get(2).get("host"), "result", hosts.get(2).get("result"), "remoteCommands",
                    hosts.get(2).get("remoteCommands")), "the accessory host runs no app container");
            for (Map<String, Object> h : hosts.subList(0, 2)) {
                assertEquals("done", h.get("result"));
                // the listing, then the role's current version and its versions: every command the fake saw
                assertEquals((double) f.fake.commands((String) h.get("host")).size(), h.get("remoteCommands"));
                assertEquals(List.of(), h.get("roles"));
            }
            List<String> lines = f.output.lines();
            assertEquals("Report: " + DeployReport.htmlBeside(file), lines.get(lines.size() - 1).replaceFirst(
                    "^\\w+ ", ""), lines.toString());
        }
    }
}
