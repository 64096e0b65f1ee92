package org.kamal4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.KamalException;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.local.Terminal;

/** Runs a command in the accessory's image or container ({@code kamal accessory exec NAME CMD}). */
@Mojo(name = "accessory-exec", requiresProject = false, threadSafe = true)
public class AccessoryExecMojo extends AbstractAccessoryMojo {

    /** The command, as shell text. */
    @Parameter(property = "kamal.command")
    protected String command;

    /** Run in the running container ({@code docker exec}) instead of a new one ({@code --reuse}). */
    @Parameter(property = "kamal.reuse", defaultValue = "false")
    protected boolean reuse;

    /** Wire a remote terminal to this one, on the accessory's first host ({@code -i}). */
    @Parameter(property = "kamal.interactive", defaultValue = "false")
    protected boolean interactive;

    @Override
    protected boolean allowsAll() {
        return false;
    }

    @Override
    protected void run(AccessoryFlows flows, List<Accessory> selected, FlowContext ctx)
            throws KamalException, InterruptedException {
        Terminal terminal = Terminal.system();
        try (LocalTerminalMode mode = LocalTerminalMode.raw(interactive && terminal.tty() && !dryRun)) {
            flows.exec(selected.get(0), command, reuse, interactive, terminal);
        }
    }
}
