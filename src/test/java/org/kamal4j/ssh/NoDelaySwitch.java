package org.kamal4j.ssh;

/** Lets tests and the engine benchmark outside this package turn TCP_NODELAY off, to measure what it saves. */
public final class NoDelaySwitch {

    private NoDelaySwitch() {}

    /** The same builder with TCP_NODELAY on or off. */
    public static JschTransport.Builder tcpNoDelay(JschTransport.Builder builder, boolean on) {
        return builder.tcpNoDelay(on);
    }
}
