package org.kamal4j.maven;

import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.FlowException;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.AppExecFlow;

/**
 * Runs a command in the app's image ({@code kamal app exec}): a new container per selected (host, role) by default,
 * the running container with {@code kamal.reuse}, or a console on the primary host with {@code kamal.interactive}.
 */
@Mojo(name = "app-exec", requiresProject = false, threadSafe = true)
public class AppExecMojo extends AbstractExecMojo {

    /** Extra container environment: {@code -Dkamal.env.NAME=value} ({@code -e NAME:value}). */
    static final String ENV_PREFIX = "kamal.env.";

    /** Leave the new container running in the background ({@code --detach}). */
    @Parameter(property = "kamal.detach", defaultValue = "false")
    protected boolean detach;


    @Override
    protected Flow flow() throws MojoFailureException {
        AppExecFlow.Request request = new AppExecFlow.Request(command, reuse, interactive, detach, version, env());
        try {
            request.validate();
        } catch (FlowException e) {
            throw new MojoFailureException(e.getMessage());
        }
        return ctx -> new AppExecFlow(ctx).run(request);
    }

    /** {@code -Dkamal.env.NAME=value} user properties as NAME -> value, sorted by name. */
    private Map<String, String> env() {
        Map<String, String> env = new TreeMap<>();
        userProperties().forEach((k, v) -> {
            if (k.startsWith(ENV_PREFIX) && k.length() > ENV_PREFIX.length()) {
                env.put(k.substring(ENV_PREFIX.length()), v);
            }
        });
        return env;
    }
}
