package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a deploy of abc123 leaves on 1.1.1.1 when its web container failed to boot there. */
final class FailedWebBoot {

    private FailedWebBoot() {
    }

    /** The new web container was stopped, the old one (def456) kept running, latest not moved, the lock released. */
    static void assertTheOldWebContainerKeptServing(FlowFixture f) {
        assertTrue(f.fake.ran("1.1.1.1", "name=^app-web-abc123$' --quiet | xargs docker stop"),
                "the new container is stopped");
        assertFalse(f.fake.ran("1.1.1.1", "name=^app-web-def456$' --quiet | xargs docker stop"),
                "the old container keeps running");
        assertFalse(f.fake.ran("1.1.1.1", "docker tag"), "latest is not re-tagged");
        assertTrue(f.lockReleased(), "the lock is released");
    }
}
