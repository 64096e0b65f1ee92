package org.kamal4j.flows.local;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The local terminal an interactive goal is wired to: what the user types ({@code in}), where the remote terminal's
 * output goes ({@code out}), and whether both are a real terminal ({@code docker run -it} then, else {@code -i},
 * as Kamal decides from its own stdin).
 */
public record Terminal(InputStream in, OutputStream out, boolean tty) {

    /** The JVM's own stdin and stdout; a tty when the JVM has a console. */
    public static Terminal system() {
        return new Terminal(System.in, System.out, System.console() != null);
    }

    /** {@code -it} on a terminal, {@code -i} otherwise. */
    public String dockerFlag() {
        return tty ? "-it" : "-i";
    }
}
