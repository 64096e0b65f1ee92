package org.kamal4j.flows.local;

import java.io.IOException;
import java.util.List;

/**
 * Puts the local terminal into raw mode (no local echo or line editing) for an interactive remote command, as
 * {@code ssh -t} does, and restores the saved settings afterwards. Does nothing when there is no terminal.
 */
public final class LocalTerminalMode implements AutoCloseable {

    private final String saved;

    private LocalTerminalMode(String saved) {
        this.saved = saved;
    }

    /** Raw mode on {@code /dev/tty} when {@code tty}; a no-op otherwise or when {@code stty} fails. */
    public static LocalTerminalMode raw(boolean tty) {
        if (!tty) {
            return new LocalTerminalMode(null);
        }
        String saved = stty("-g");
        if (saved != null) {
            stty("raw -echo");
        }
        return new LocalTerminalMode(saved);
    }

    @Override
    public void close() {
        if (saved != null) {
            stty(saved);
        }
    }

    /** {@code stty ARGS < /dev/tty}; its stdout, or null when it fails. */
    private static String stty(String args) {
        try {
            Process p = new ProcessBuilder(List.of("sh", "-c", "stty " + args + " < /dev/tty"))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
