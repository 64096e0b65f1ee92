package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.AuditFlow;
import org.kamal4j.flows.Flow;

/** Shows the last 50 lines of the audit log on every selected host ({@code kamal audit}); read-only. */
@Mojo(name = "audit", requiresProject = false, threadSafe = true)
public class AuditMojo extends AbstractFlowMojo {


    @Override
    protected Flow flow() {
        return ctx -> new AuditFlow(ctx).run();
    }
}
