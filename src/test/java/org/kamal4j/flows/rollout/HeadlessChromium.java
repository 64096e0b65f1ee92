package org.kamal4j.flows.rollout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} in headless mode, cut off from the network (the page must need none): a screenshot
 * and the DOM after rendering. The package is in .ci/packages.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    /** Takes a 1200x900 screenshot of {@code page} into {@code png}. */
    static void screenshot(Path page, Path png) throws IOException, InterruptedException {
        run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=1200,900");
    }

    /** The rendered DOM of {@code page}. */
    static String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    private static String run(Path page, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("kamal-chromium-");
        Path out = Files.createTempFile("kamal-chromium-", ".out");
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        cmd.add(page.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 120 s: " + cmd);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited " + p.exitValue() + ": " + cmd + "\n" + text);
        }
        return text;
    }
}
