package org.kamal4j.ssh;

import org.kamal4j.commands.Command;

/**
 * A remote command exited non-zero. The message follows Kamal's three lines ({@code docker exit status: 1},
 * {@code docker stdout: ...}, {@code docker stderr: ...}), with secret values redacted; a command named as a
 * step ({@link Command#step}) is named by its step instead of its first word ({@code pull exit status: 1}).
 */
public class CommandFailedException extends TransportException {

    private final transient ExecResult result;
    private final String step;

    public CommandFailedException(Command command, ExecResult result) {
        super(message(command, result));
        this.result = result;
        this.step = step(command, result);
    }

    public ExecResult result() {
        return result;
    }

    /** The step that failed: the one a step of {@link Command#steps} named on stderr, else the command's. */
    public String step() {
        return step;
    }

    /** The command's standard error without the marker line of {@link Command#steps}. */
    public String stderr() {
        String stderr = result.stderr() == null ? "" : result.stderr();
        return String.join("\n", stderr.lines().filter(l -> !l.startsWith(Command.STEP_FAILED)).toList());
    }

    private static String step(Command command, ExecResult r) {
        String stderr = r.stderr() == null ? "" : r.stderr();
        // a step of Command.steps that failed names itself on stderr: report that step, without the marker line
        return stderr.lines().filter(l -> l.startsWith(Command.STEP_FAILED)).reduce((a, b) -> b)
                .map(l -> l.substring(Command.STEP_FAILED.length()).strip()).orElse(command.stepName());
    }

    private static String message(Command command, ExecResult r) {
        String p = step(command, r);
        String stderr = r.stderr() == null ? "" : r.stderr();
        stderr = String.join("\n", stderr.lines().filter(l -> !l.startsWith(Command.STEP_FAILED)).toList());
        return p + " exit status: " + r.exitStatus() + "\n"
                + p + " stdout: " + orNothing(command.redact(r.stdout())) + "\n"
                + p + " stderr: " + orNothing(command.redact(stderr)) + "\n";
    }

    private static String orNothing(String s) {
        return s == null || s.isBlank() ? "Nothing written" : s.strip();
    }
}
