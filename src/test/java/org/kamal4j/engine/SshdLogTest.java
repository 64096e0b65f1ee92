package org.kamal4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sshd log reading that MultiHostIT's wire-level assertions rest on. */
class SshdLogTest {

    @TempDir
    Path dir;

    @Test
    void readsConnectionsLoginsAndEndsByClientPort() throws Exception {
        Path log = dir.resolve("sshd.log");
        Files.writeString(log, """
                2026-11-27T15:36:50.879692Z Server listening on 198.18.40.15 port 22.
                2026-11-27T15:36:52.070684Z Connection from 198.18.40.1 port 49772 on 198.18.40.15 port 22 rdomain ""
                2026-11-27T15:36:52.080000Z Connection from 198.18.40.1 port 49780 on 198.18.40.15 port 22 rdomain ""
                2026-11-27T15:36:52.451437Z Postponed publickey for root from 198.18.40.1 port 49772 ssh2 [preauth]
                2026-11-27T15:36:52.453875Z Accepted publickey for root from 198.18.40.1 port 49772 ssh2: ED25519 SHA256:x
                2026-11-27T15:36:52.514766Z Starting session: command for root from 198.18.40.1 port 49772 id 0
                2026-11-27T15:36:52.600000Z Connection closed by 198.18.40.1 port 49780 [preauth]
                2026-11-27T15:36:53.094532Z Received disconnect from 198.18.40.1 port 49772:11: disconnected by user
                2026-11-27T15:36:53.094658Z Disconnected from user root 198.18.40.1 port 49772
                2026-11-27T15:36:54.000000Z Connection from 198.18.40.1 port 49790 on 198.18.40.15 port 22 rdomain ""
                """);
        List<SshdLog.Connection> c = SshdLog.connections("h", log);
        assertEquals(3, c.size());
        assertEquals(49772, c.get(0).port());
        assertEquals(Instant.parse("2026-11-27T15:36:52.453875Z"), c.get(0).authenticated());
        assertTrue(c.get(0).ended());
        assertNull(c.get(1).authenticated());
        assertTrue(c.get(1).ended());
        assertFalse(c.get(2).ended());
    }

    @Test
    void countsHandshakesInFlightAtOnceAcrossHosts() {
        List<SshdLog.Connection> c = List.of(handshake("a", 0, 10), handshake("b", 5, 20), handshake("c", 10, 15),
                handshake("d", 12, 30), handshake("e", 40, 50));
        assertEquals(3, SshdLog.maxOverlappingHandshakes(c));
        assertEquals(1, SshdLog.maxOverlappingHandshakes(List.of(handshake("a", 0, 10), handshake("b", 10, 20))),
                "an end and a start at the same instant do not overlap");
    }

    private static SshdLog.Connection handshake(String host, long fromMillis, long toMillis) {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        return new SshdLog.Connection(host, 1, base.plusMillis(fromMillis), base.plusMillis(toMillis), true);
    }
}
