package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.commands.Command.Text;
import org.kamal4j.commands.Command.Text.Kind;
import org.kamal4j.ssh.ExecResult;

/** {@link FileWrite} run as rendered in a real {@code sh}, alone and as a step of a longer command. */
class FileWriteTest {

    @TempDir
    Path dir;

    @Test
    void writesStandardInputOwnerOnlyIntoANewDirectoryLeavingNoTemporaryFile() throws Exception {
        Path file = dir.resolve("env/roles/web.env");

        ExecResult r = LocalShell.run(FileWrite.of("A=1\nB=two words\n".getBytes(StandardCharsets.UTF_8),
                file.toString(), 0600, "abc"));

        assertEquals(0, r.exitStatus(), r.stderr());
        assertEquals("A=1\nB=two words\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(file), Files.list(file.getParent()).toList(), "only the file, no temporary copy");
    }

    @Test
    void stepsAfterTheWriteKeepTheLoginsUmask() throws Exception {
        Path file = dir.resolve("web.env");
        Path later = dir.resolve("audit.log");

        ExecResult r = LocalShell.run(Command.steps(List.of(Command.ofParts(List.of(new Text(Kind.RAW, "umask 022")))
                .step("umask"), FileWrite.of("K=V\n".getBytes(StandardCharsets.UTF_8), file.toString(), 0600, "x"),
                Command.of("touch", later.toString()).step("audit"))));

        assertEquals(0, r.exitStatus(), r.stderr());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(later)));
    }

    @Test
    void aFailedWriteNamesItsStepAndStopsTheCommand() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "");
        Path file = blocker.resolve("web.env");
        Path later = dir.resolve("ran");

        ExecResult r = LocalShell.run(Command.steps(List.of(FileWrite.of("K=V\n".getBytes(StandardCharsets.UTF_8),
                file.toString(), 0600, "x"), Command.of("touch", later.toString()).step("run"))));

        assertTrue(r.exitStatus() != 0);
        assertTrue(r.stderr().contains("kamal step failed: upload of " + file), r.stderr());
        assertFalse(Files.exists(later), "the steps after a failed write do not run");
    }
}
