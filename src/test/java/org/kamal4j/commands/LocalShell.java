package org.kamal4j.commands;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.kamal4j.ssh.ExecResult;

/** Runs a command as rendered ({@link Command#toShell}) in a real local {@code sh}, as a host's shell runs it. */
public final class LocalShell {

    private LocalShell() {}

    /** Runs {@code command}, its standard input ({@link Command#stdin}) fed to the shell. */
    public static ExecResult run(Command command) throws Exception {
        return run(command, null);
    }

    /** Runs {@code command} with {@code pathFirst} (stand-ins such as a fake {@code docker}) first on the PATH. */
    public static ExecResult run(Command command, Path pathFirst) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command.toShell());
        if (pathFirst != null) {
            pb.environment().put("PATH", pathFirst + ":" + System.getenv("PATH"));
        }
        Process p = pb.start();
        try (var stdin = p.getOutputStream()) {
            if (command.stdin() != null) {
                stdin.write(command.stdin());
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ExecResult(p.waitFor(), out, err);
    }
}
