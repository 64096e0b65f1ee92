package org.kamal4j.ssh;

import org.kamal4j.commands.Command;

/**
 * A remote command exited non-zero. The message follows Kamal's three lines ({@code docker exit status: 1},
 * {@code docker stdout: ...}, {@code docker stderr: ...}), with secret values redacted; a command named as a
 * step ({@link Command#step}) is named by its step instead of its first word ({@code pull exit status: 1}).
 */
public class CommandFailedException extends TransportException {

    private final transient ExecResult result;

    public CommandFailedException(Command command, ExecResult result) {
        super(message(command, result));
        this.result = result;
    }

    public ExecResult result() {
        return result;
    }

    private static String message(Command command, ExecResult r) {
        String p = command.stepName();
        String stderr = r.stderr() == null ? "" : r.stderr();
        // a step of Command.steps that failed names itself on stderr: report that step, without the marker line
        String failedStep = stderr.lines().filter(l -> l.startsWith(Command.STEP_FAILED)).reduce((a, b) -> b)
                .map(l -> l.substring(Command.STEP_FAILED.length()).strip()).orElse(null);
        if (failedStep != null) {
            p = failedStep;
            stderr = String.join("\n", stderr.lines().filter(l -> !l.startsWith(Command.STEP_FAILED)).toList());
        }
        return p + " exit status: " + r.exitStatus() + "\n"
                + p + " stdout: " + orNothing(command.redact(r.stdout())) + "\n"
                + p + " stderr: " + orNothing(command.redact(stderr)) + "\n";
    }

    private static String orNothing(String s) {
        return s == null || s.isBlank() ? "Nothing written" : s.strip();
    }
}
