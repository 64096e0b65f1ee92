package org.kamal4j.flows.local;

import java.time.Duration;
import org.kamal4j.ssh.TransportListener;

/** Prints every remote command ({@code [host] <command>}) at debug level and transport warnings as warnings. */
public final class OutputTransportListener implements TransportListener {

    private final Output output;

    public OutputTransportListener(Output output) {
        this.output = output;
    }

    @Override
    public void commandRun(String host, String display, Duration took, int exitStatus) {
        output.debug("[" + host + "] " + display + " (exit " + exitStatus + ", " + took.toMillis() + " ms)");
    }

    @Override
    public void connectFinished(String host, String lane, Duration took, Throwable failure) {
        output.debug("[" + host + "] " + (failure == null ? "connected" : "connection failed") + " in "
                + took.toMillis() + " ms");
    }

    @Override
    public void warning(String message) {
        output.warn(message);
    }
}
