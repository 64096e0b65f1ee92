package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.commands.LogOptions;

/** The parameters of the logs goals (app, proxy, accessory), as Kamal's logs options. */
public abstract class AbstractLogsMojo extends AbstractFlowMojo {

    /** Number of lines per container; default 100 (10 when following) unless since or grep is given ({@code -n}). */
    @Parameter(property = "kamal.lines")
    protected Integer lines;

    /** Only logs newer than this (docker --since: 10m, 2025-01-31T12:00:00) ({@code -s}). */
    @Parameter(property = "kamal.since")
    protected String since;

    /** Only lines matching this grep pattern ({@code -g}). */
    @Parameter(property = "kamal.grep")
    protected String grep;

    /** Extra grep options, shell text placed after the pattern ({@code --grep-options}), e.g. {@code -i}. */
    @Parameter(property = "kamal.grepOptions")
    protected String grepOptions;

    /** Prefix lines with docker's timestamps; {@code false} is Kamal's {@code -T}. */
    @Parameter(property = "kamal.timestamps", defaultValue = "true")
    protected boolean timestamps;

    /** Stream new lines from every selected host until Ctrl-C ({@code -f}). */
    @Parameter(property = "kamal.follow", defaultValue = "false")
    protected boolean follow;

    /** The options these parameters ask for. */
    protected LogOptions logOptions() {
        return LogOptions.of(lines, since, grep, grepOptions, timestamps, follow);
    }
}
