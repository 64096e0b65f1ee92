package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.flows.local.Hooks;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.ExecResult;

class BootGroupsFlowTest {

    @TempDir
    Path hooksDir;

    private List<String> recordHooks(FlowFixture f) throws Exception {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        for (String name : List.of("pre-app-boot", "post-app-boot")) {
            Files.writeString(hooksDir.resolve(name), "");
        }
        f.hooks = new Hooks(hooksDir, (c, env) -> {
            calls.add(Path.of(c.program()).getFileName() + " " + env.get("KAMAL_HOSTS"));
            return new ExecResult(0, "", "");
        }, f.output, false);
        return calls;
    }

    @Test
    void bootsOneGroupAfterAnotherWithHooksAndWaits() throws Exception {
        try (FlowFixture f = new FlowFixture("limited")) {
            List<String> hooks = recordHooks(f);

            DeployFlow.deploy(f.context()).run(true);

            assertEquals(List.of("pre-app-boot 1.1.1.1", "post-app-boot 1.1.1.1", "pre-app-boot 1.1.1.2",
                    "post-app-boot 1.1.1.2"), hooks);
            assertEquals(2, f.sleeps.stream().filter(Duration.ofSeconds(2)::equals).count());
            long webDone = f.fake.execs().stream().filter(e -> e.host().equals("1.1.1.1")
                    && e.command().contains("app-web-def456$' --quiet | xargs docker stop")).findFirst().orElseThrow()
                    .seq();
            long workersRun = f.fake.execs().stream().filter(e -> e.command().contains("docker run --detach")
                    && e.host().equals("1.1.1.2")).findFirst().orElseThrow().seq();
            assertTrue(webDone < workersRun, "the second group starts after the first finished");
        }
    }

    @Test
    void aFailedGroupStopsTheLoopWithoutItsPostHookOrWait() throws Exception {
        try (FlowFixture f = new FlowFixture("limited")) {
            List<String> hooks = recordHooks(f);
            f.fake.on("1.1.1.1", c -> c.contains("docker run --detach")).fail(125, "",
                    FlowFixture.failedStep("docker: port is already allocated", "run"));

            MultiHostException e = assertThrows(MultiHostException.class,
                    () -> DeployFlow.deploy(f.context()).run(true));

            assertTrue(e.getMessage().startsWith("web on 1.1.1.1: run exit status: 125"), e.getMessage());
            assertEquals(List.of("pre-app-boot 1.1.1.1"), hooks);
            assertTrue(f.sleeps.stream().noneMatch(Duration.ofSeconds(2)::equals));
            assertFalse(f.fake.ran("1.1.1.2", "docker run"), "later groups are not attempted");
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void kamalConfigPrintsTheHostOrderTheDeployBootsIn() throws Exception {
        // web (primary) lists 1.1.1.3 then 1.1.1.1; api (sorts first) lists 1.1.1.1 then 1.1.1.2. Kamal keeps the
        // all-hosts order (1.1.1.1, 1.1.1.2, 1.1.1.3) and moves web's hosts to the front without reordering them.
        try (FlowFixture f = new FlowFixture("shared-host")) {
            List<String> hooks = recordHooks(f);
            List<List<String>> expected = List.of(List.of("1.1.1.1"), List.of("1.1.1.3"), List.of("1.1.1.2"));

            assertEquals(expected, f.config.bootGroups(), "what kamal:config prints");
            DeployFlow.deploy(f.context()).run(true);

            assertEquals(List.of("pre-app-boot 1.1.1.1", "pre-app-boot 1.1.1.3", "pre-app-boot 1.1.1.2"),
                    hooks.stream().filter(h -> h.startsWith("pre-")).toList(), "what the deploy boots");
        }
    }
}
