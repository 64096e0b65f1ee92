package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** kamal:proxy-start / -stop / -restart: the exact docker commands on the proxy hosts only, under the lock. */
class ProxyStartStopTest {

    private static final String START = "docker container start kamal-proxy";
    private static final String STOP = "docker container stop kamal-proxy";

    private static List<String> docker(FlowFixture f, String host) {
        return f.fake.commands(host).stream().filter(c -> c.startsWith("docker ")).toList();
    }

    @Test
    void startStartsTheExistingContainerOnEveryProxyHost() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            new ProxyFlow(f.context(f.selection(), "proxy")).start();

            for (String host : List.of("1.1.1.1", "1.1.1.2")) {
                assertEquals(List.of(START), docker(f, host));
                assertTrue(f.fake.ran(host, "Started proxy"), f.fake.commands(host).toString());
            }
            assertEquals(List.of(), docker(f, "1.1.1.3"), "workers run no proxy");
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void stopToleratesAStoppedProxy() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            f.fake.on("1.1.1.2", c -> c.equals(STOP)).fail(1, "", "Error: No such container: kamal-proxy");

            new ProxyFlow(f.context(f.selection(), "proxy")).stop();

            for (String host : List.of("1.1.1.1", "1.1.1.2")) {
                assertEquals(List.of(STOP), docker(f, host));
                assertTrue(f.fake.ran(host, "Stopped proxy"), f.fake.commands(host).toString());
            }
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void restartStopsThenStartsUnderOneLock() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            new ProxyFlow(f.context(f.selection(), "proxy")).restart();

            for (String host : List.of("1.1.1.1", "1.1.1.2")) {
                assertEquals(List.of(STOP, START), docker(f, host));
            }
            assertEquals(1, f.fake.commands("1.1.1.1").stream().filter(c -> c.contains("mkdir .kamal/lock-app"))
                    .count());
            assertFalse(f.fake.ran("1.1.1.3", "kamal-proxy"));
        }
    }
}
