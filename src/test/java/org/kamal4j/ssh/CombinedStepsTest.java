package org.kamal4j.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.LocalShell;

/**
 * {@link Command#steps}: several steps sent as one command still report the step that failed, its exit status and
 * its output, and run nothing after it. The rendered line runs in a real {@code sh}, as a host's shell runs it.
 */
class CombinedStepsTest {

    @TempDir
    Path dir;

    @Test
    void aFailureInsideACombinedCommandNamesItsStepStatusAndCause() throws Exception {
        Command combined = Command.steps(List.of(
                Command.of("touch", dir.resolve("first").toString()).step("tag latest"),
                Command.of("sh", "-c", "echo 'no space left on device' >&2; exit 3").step("prune containers"),
                Command.of("touch", dir.resolve("third").toString()).step("prune images")));

        ExecResult r = LocalShell.run(combined);
        CommandFailedException e = new CommandFailedException(combined, r);

        assertEquals(3, r.exitStatus(), "the failing step's own exit status");
        assertTrue(e.getMessage().startsWith("prune containers exit status: 3\n"), e.getMessage());
        assertTrue(e.getMessage().contains("prune containers stderr: no space left on device"), e.getMessage());
        assertFalse(e.getMessage().contains(Command.STEP_FAILED), "the marker line is not shown: " + e.getMessage());
        assertTrue(Files.exists(dir.resolve("first")), "the step before it ran");
        assertFalse(Files.exists(dir.resolve("third")), "no step after it ran");
    }

    @Test
    void stepsWithTheirOwnOperatorsStayGroupedAndAllRun() throws Exception {
        Command combined = Command.steps(List.of(
                Command.of("false").or(Command.of("touch", dir.resolve("a").toString())).step("a"),
                Command.of("echo", "x").pipe(Command.of("cat")).then(Command.of("touch", dir.resolve("b").toString()))
                        .step("b")));
        ExecResult r = LocalShell.run(combined);
        assertEquals(0, r.exitStatus(), r.stderr());
        assertTrue(Files.exists(dir.resolve("a")) && Files.exists(dir.resolve("b")));
    }
}
