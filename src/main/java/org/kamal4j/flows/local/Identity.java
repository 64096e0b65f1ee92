package org.kamal4j.flows.local;

import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.ExecResult;

/** Who is deploying, as Kamal finds it: git's user.email (else whoami) for audits, user.name for the lock. */
public final class Identity {

    private Identity() {}

    /** {@code git config user.email}, else {@code whoami}, else {@code Unknown}. */
    public static String performer(LocalRunner local) throws InterruptedException {
        String email = read(local, Command.of("git", "config", "user.email"));
        if (email != null) {
            return email;
        }
        String who = read(local, Command.of("whoami"));
        return who != null ? who : "Unknown";
    }

    /** {@code git config user.name}, else {@code Unknown}. */
    public static String lockUser(LocalRunner local) throws InterruptedException {
        String name = read(local, Command.of("git", "config", "user.name"));
        return name != null ? name : "Unknown";
    }

    private static String read(LocalRunner local, Command command) throws InterruptedException {
        try {
            ExecResult r = local.run(command, Map.of());
            String out = r.stdout().strip();
            return r.ok() && !out.isEmpty() ? out : null;
        } catch (FlowException e) {
            return null;
        }
    }
}
