package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Parameter;

/** The goals that run the user's shell text on hosts ({@code CMD}): server-exec, app-exec and accessory-exec. */
public abstract class AbstractShellCommandMojo extends AbstractFlowMojo {

    /** The command, as shell text run as written ({@code CMD...}). */
    @Parameter(property = "kamal.command")
    protected String command;
}
