package org.kamal4j.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kamal4j.testbed.Fleet;

/**
 * The end-to-end fleet {@code ee} (subnet 50): three hosts, each with sshd and its own dockerd, the fleet registry
 * and the local building dockerd. Brought up once for all e2e test classes of a run and taken down when the run
 * ends (the root store closes it), so the classes share the ~20 s start-up.
 */
public final class EeFleet implements BeforeAllCallback {

    static final String NAME = "ee";
    static final int SUBNET = 50;

    private static volatile Fleet fleet;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(EeFleet.class, k -> new Handle(), Handle.class);
    }

    /** The running fleet; only valid in classes extended with {@link EeFleet}. */
    static Fleet get() {
        if (fleet == null) {
            throw new IllegalStateException("Extend the test class with @ExtendWith(EeFleet.class)");
        }
        return fleet;
    }

    /** Owns the fleet for the test run: up (with images) when created, down when the run ends. */
    private static final class Handle implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        Handle() {
            Fleet f = Fleet.up(NAME, 3, SUBNET, true);
            f.pushImages();
            fleet = f;
        }

        @Override
        public void close() {
            fleet.down();
            fleet = null;
        }
    }
}
