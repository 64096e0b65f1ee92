package org.kamal4j.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ProxyRebootFlow;

/** Recreates the kamal-proxy container on the proxy hosts to pick up proxy.run changes ({@code kamal proxy reboot}). */
@Mojo(name = "proxy-reboot", requiresProject = false, threadSafe = true)
public class ProxyRebootMojo extends AbstractFlowMojo {

    /** Must be true: a reboot interrupts traffic on each host and Maven cannot ask ({@code -y}). */
    @Parameter(property = "kamal.confirmed", defaultValue = "false")
    protected boolean confirmed;

    /** Reboot one host at a time ({@code --rolling}). */
    @Parameter(property = "kamal.rolling", defaultValue = "false")
    protected boolean rolling;


    @Override
    protected Flow flow() throws MojoFailureException {
        if (!confirmed) {
            throw new MojoFailureException("kamal:proxy-reboot causes a brief outage on each host; confirm with "
                    + "-Dkamal.confirmed=true (add -Dkamal.rolling=true to reboot one host at a time)");
        }
        return ctx -> new ProxyRebootFlow(ctx).run(rolling);
    }
}
