package org.kamal4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code builder.jib}: every key read into {@link Jib}; absent means a Dockerfile build. */
class JibConfigTest {

    @Test
    void everyJibKeyIsRead() throws Exception {
        Jib jib = Fixtures.load("builder-jib").builder().jib();
        assertEquals(new Jib("registry.example/jre:17", "com.example.Main", List.of(),
                List.of("-Xmx256m", "-XX:+UseSerialGC"), List.of("--serve"), List.of("8080", "9090/udp"),
                Map.of("team", "payments"), Map.of("TZ", "UTC"), List.of("src/main/jib", "static:/srv/static"),
                "1000", "/srv", "/opt/app", true), jib);
        assertEquals(List.of("amd64", "arm64"), Fixtures.load("builder-jib").builder().arch());
    }

    @Test
    void withoutJibTheBuilderBuildsWithDocker() throws Exception {
        assertNull(Fixtures.load("running-example").builder().jib());
    }
}
