package org.kamal4j.flows;

import java.util.List;
import org.kamal4j.flows.local.ShutdownHooks;

/** Shutdown hooks kept in a list instead of the JVM's, so a test can run them as Ctrl-C would. */
public record ListShutdownHooks(List<Thread> hooks) implements ShutdownHooks {

    @Override
    public void add(Thread hook) {
        hooks.add(hook);
    }

    @Override
    public void remove(Thread hook) {
        hooks.remove(hook);
    }
}
