package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a command line through the local /bin/sh with the named programs replaced by shell functions that
 * print their argv, one bracketed argument per line: what the remote programs would receive.
 */
final class RemoteArgv {

    private RemoteArgv() {}

    /** The printed argv of every call of {@code programs} made by {@code line}. */
    static String of(String line, String... programs) {
        // The stubs print on fd 3 so that redirections in the line (> file) do not swallow their output; the
        // home directory gets a .kamal directory as on a prepared host.
        StringBuilder script = new StringBuilder("exec 3>&1; mkdir -p .kamal; ");
        for (String p : programs) {
            script.append(p).append("() { s='").append(p)
                    .append("'; for a in \"$@\"; do s=\"$s [$a]\"; done; printf '%s\\n' \"$s\"; } >&3; ");
        }
        script.append(line);
        try {
            Path home = Files.createTempDirectory("remote-home");
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script.toString()).directory(home.toFile());
            pb.environment().put("KEEP", "kept");
            pb.environment().put("HOME", home.toString());
            pb.redirectErrorStream(true);
            Process process = pb.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.replace(home.toString(), "<home>");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sorted(String output) {
        return output.lines().sorted().toList();
    }

    /** Asserts that our rendering and Kamal's text give the remote programs the same argv. */
    static void assertSameArgv(String kamalLine, Command ours, String... programs) {
        String expected = of(kamalLine, programs);
        // Stages of a pipeline run concurrently, so calls are compared as sorted lines.
        assertEquals(sorted(expected), sorted(of(ours.toShell(), programs)), "argv differs from Kamal's");
        List<String> names = Arrays.asList(programs);
        // Guard against a vacuous comparison: the stubbed program really was called.
        assertEquals(true, names.stream().anyMatch(p -> expected.contains(p + " [")), "no stubbed program ran: " + expected);
    }
}
