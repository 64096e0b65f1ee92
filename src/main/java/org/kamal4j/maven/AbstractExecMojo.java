package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Parameter;

/** The parameters {@code kamal:app-exec} and {@code kamal:accessory-exec} share ({@code CMD}, {@code --reuse}, {@code -i}). */
public abstract class AbstractExecMojo extends AbstractShellCommandMojo {

    /** Run in the running container ({@code docker exec}) instead of a new one ({@code --reuse}). */
    @Parameter(property = "kamal.reuse", defaultValue = "false")
    protected boolean reuse;

    /** Wire a remote terminal to this one, on the first selected host only ({@code -i}). */
    @Parameter(property = "kamal.interactive", defaultValue = "false")
    protected boolean interactive;
}
