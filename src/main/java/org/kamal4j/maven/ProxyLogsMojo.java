package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ProxyFlow;

/** Shows the kamal-proxy logs of each proxy host ({@code kamal proxy logs}). */
@Mojo(name = "proxy-logs", requiresProject = false, threadSafe = true)
public class ProxyLogsMojo extends AbstractFlowMojo {

    /** Number of lines; default 100 unless since or grep is given. */
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
        return "proxy";
    }

    @Override
    protected Flow flow() {
        return ctx -> new ProxyFlow(ctx).logs(lines, since, grep);
    }
}
