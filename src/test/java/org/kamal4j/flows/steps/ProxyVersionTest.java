package org.kamal4j.flows.steps;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProxyVersionTest {

    @Test
    void versionsCompareNumerically() {
        assertTrue(ProxyVersion.older("v0.8.7", "v0.9.2"));
        assertTrue(ProxyVersion.older("v0.9.1", "v0.9.2"));
        assertFalse(ProxyVersion.older("v0.9.2", "v0.9.2"));
        assertFalse(ProxyVersion.older("v0.10.0", "v0.9.2"));
        assertFalse(ProxyVersion.older("v1.0.0-rc1", "v0.9.2"));
        assertFalse(ProxyVersion.older("latest", "v0.9.2"));
    }
}
