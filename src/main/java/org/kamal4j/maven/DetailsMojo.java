package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.DetailsFlow;
import org.kamal4j.flows.Flow;

/** Shows the app and accessory containers on the hosts ({@code kamal details}). */
@Mojo(name = "details", requiresProject = false, threadSafe = true)
public class DetailsMojo extends AbstractFlowMojo {


    @Override
    protected Flow flow() {
        return ctx -> new DetailsFlow(ctx).run();
    }
}
