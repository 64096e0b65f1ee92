package org.kamal4j.flows.local;

/** Registers work to run when the JVM stops (Ctrl-C); injectable so tests can trigger it. */
public interface ShutdownHooks {

    /** The JVM's own shutdown hooks. */
    ShutdownHooks RUNTIME = new ShutdownHooks() {
        @Override
        public void add(Thread hook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void remove(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down and running this very hook.
            }
        }
    };

    void add(Thread hook);

    void remove(Thread hook);
}
