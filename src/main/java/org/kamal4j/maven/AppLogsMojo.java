package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.AppLogsFlow;
import org.kamal4j.flows.Flow;

/** Shows the logs of the current app containers ({@code kamal app logs}). */
@Mojo(name = "app-logs", requiresProject = false, threadSafe = true)
public class AppLogsMojo extends AbstractFlowMojo {

    /** Number of lines per container; default 100 unless since or grep is given. */
    @Parameter(property = "kamal.lines")
    protected Integer lines;

    /** Only logs newer than this (docker --since: 10m, 2025-01-31T12:00:00). */
    @Parameter(property = "kamal.since")
    protected String since;

    /** Only lines matching this grep pattern. */
    @Parameter(property = "kamal.grep")
    protected String grep;

    @Override
    protected String commandName() {
        return "app";
    }

    @Override
    protected Flow flow() {
        return ctx -> new AppLogsFlow(ctx).run(lines, since, grep);
    }
}
