package org.kamal4j.e2e;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kamal4j.testbed.Fleet;

/**
 * The end-to-end fleet {@code ee} (subnet 50): three hosts, each with sshd and its own dockerd, the fleet registry
 * and the local building dockerd. Brought up once for all e2e test classes of a run and taken down when the run
 * ends (the root store closes it), so the classes share the ~20 s start-up.
 */
public final class EeFleet implements BeforeAllCallback, AfterAllCallback {

    static final String NAME = "ee";
    static final int SUBNET = 50;

    private static volatile Fleet fleet;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(EeFleet.class, k -> new Handle(), Handle.class);
    }

    /**
     * After each test class, removes the app and accessory containers it left (every container with a
     * {@code service} label; kamal-proxy has none): each runs a health check every second, and dozens of them
     * left running by earlier classes would slow every later class on this 2-core machine. No class relies on
     * another class's containers.
     */
    @Override
    public void afterAll(ExtensionContext context) {
        Fleet f = fleet;
        if (f == null) {
            return;
        }
        for (String host : f.hosts()) {
            List<String> ids = Arrays.stream(f.docker(host, "ps", "-aq", "--filter", "label=service").split("\\s+"))
                    .filter(id -> !id.isBlank()).toList();
            if (!ids.isEmpty()) {
                String[] args = new String[ids.size() + 2];
                args[0] = "rm";
                args[1] = "-f";
                for (int i = 0; i < ids.size(); i++) {
                    args[i + 2] = ids.get(i);
                }
                f.docker(host, args);
            }
        }
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
