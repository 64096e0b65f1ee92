package org.kamal4j.e2e;

import java.util.stream.Collectors;
import org.kamal4j.testbed.Fleet;

/** The part of deploy.yml that {@link E2eApp} and {@link ProxyApp} share: an app made from examples/hello. */
final class HelloYaml {

    private HelloYaml() {
    }

    /**
     * The service, its image and its servers: web on hosts 1 and 2 with {@code webKeys} (more keys of the web role,
     * deploy.yml text, not indented; may be empty) and, when {@code workers}, workers on host 3.
     */
    static String servers(Fleet fleet, String service, String webKeys, boolean workers) {
        String web = webKeys.lines().map(l -> "    " + l + "\n").collect(Collectors.joining());
        String workersRole = workers ? "  workers:\n    hosts:\n      - " + fleet.host(3) + "\n" : "";
        return """
                service: %1$s
                image: %1$s
                servers:
                  web:
                    hosts:
                      - %2$s
                      - %3$s
                """.formatted(service, fleet.host(1), fleet.host(2)) + web + workersRole;
    }
}
