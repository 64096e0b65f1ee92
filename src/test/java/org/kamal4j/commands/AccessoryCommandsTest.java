package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kamal4j.commands.RemoteArgv.assertSameArgv;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kamal4j.config.Accessory.MountSpec;
import org.kamal4j.config.Accessory;
import org.kamal4j.config.Env;
import org.kamal4j.config.Registry;

class AccessoryCommandsTest {

    private final AccessoryCommands db = new AccessoryCommands(Example.config(), Example.db());

    @Test
    void runOfTheRunningExample() {
        String kamal = "docker run --name app-db --detach --restart unless-stopped --network kamal --log-opt max-size=\"10m\" --publish 127.0.0.1:3306:3306 --env KAMAL_HOST=\"1.1.1.3\" --env-file .kamal/apps/app/env/accessories/db.env --volume $PWD/app-db/data:/var/lib/mysql --label service=\"app-db\" mysql:8.0";
        Command run = db.run("1.1.1.3");
        assertEquals("docker run --name app-db --detach --restart unless-stopped --network kamal --log-opt max-size=10m"
                + " --publish 127.0.0.1:3306:3306 --env KAMAL_HOST=1.1.1.3"
                + " --env-file .kamal/apps/app/env/accessories/db.env --volume \"$PWD/app-db/data:/var/lib/mysql\""
                + " --label service=app-db mysql:8.0", run.toShell());
        assertSameArgv(kamal, run, "docker");
    }

    @Test
    void runWithEveryGroupInTokenOrder() {
        Accessory redis = new Accessory("redis", "app-redis", "redis:7", new Registry("ghcr.io", null, null),
                List.of("1.1.1.3"), "redis-server --appendonly yes", "6379", Map.of("tier", "cache"), "always",
                Map.of("memory", "1g"), new Env(Map.of("A", "b"), List.of(), Map.of()),
                List.of(new MountSpec("config/redis.conf", "/etc/redis/redis.conf", "0644", "999", "ro")),
                List.of(new MountSpec("/srv/redis", "/data", null, null, null)), List.of("/tmp:/tmp"), "private", null);
        assertEquals("docker run --name app-redis --detach --restart always --network private --log-opt max-size=10m"
                + " --publish 6379:6379 --env KAMAL_HOST=1.1.1.3 --env A=b"
                + " --env-file .kamal/apps/app/env/accessories/redis.env --volume /tmp:/tmp"
                + " --volume \"$PWD/app-redis/etc/redis/redis.conf:/etc/redis/redis.conf:ro\""
                + " --volume /srv/redis:/data --label service=app-redis --label tier=cache --memory 1g"
                + " ghcr.io/redis:7 redis-server --appendonly yes",
                new AccessoryCommands(Example.config(), redis).run("1.1.1.3").toShell());
        MountSpec file = redis.files().get(0);
        AccessoryCommands commands = new AccessoryCommands(Example.config(), redis);
        assertEquals("mkdir -p app-redis/etc/redis", commands.ensureFileDirectory(file).toShell());
        assertEquals("chmod 0644 app-redis/etc/redis/redis.conf && chown 999 app-redis/etc/redis/redis.conf",
                commands.fileModeAndOwner(file).toShell());
    }

    @Test
    void directoriesAndFiles() {
        assertEquals("mkdir -p \"$PWD/app-db/data\"", db.ensureDirectories().toShell());
        MountSpec conf = new MountSpec("my.cnf", "/etc/mysql/my.cnf", null, null, null);
        assertEquals("mkdir -p app-db/etc/mysql", db.ensureFileDirectory(conf).toShell());
        assertEquals("chmod 755 app-db/etc/mysql/my.cnf", db.fileModeAndOwner(conf).toShell());
        assertEquals("app-db/etc/mysql/my.cnf", db.fileHostPath(conf));
    }

    @Test
    void lifecycleCommandsOfTheTable() {
        assertEquals("docker ps -a -q --filter label=service=app-db", db.existing().toShell());
        assertEquals("docker container ls --filter 'name=^app-db$' --quiet", db.containerId().toShell());
        assertEquals("mkdir -p .kamal/apps/app/env/accessories", db.ensureEnvDirectory().toShell());
        assertEquals("docker image pull mysql:8.0", db.pullImage().toShell());
        assertEquals("docker container start app-db", db.start().toShell());
        assertEquals("docker container stop app-db", db.stop().toShell());
        assertEquals("docker container prune --force --filter label=service=app-db", db.removeContainer().toShell());
        assertEquals("docker image rm --force mysql:8.0", db.removeImage().toShell());
        assertEquals("rm -rf app-db", db.removeServiceDirectory().toShell());
        assertEquals("docker ps --filter label=service=app-db", db.details().toShell());
        assertSameArgv("docker logs app-db  --tail 100 --timestamps 2>&1", db.logs(LogOptions.DEFAULT), "docker");
    }

    @Test
    void exec() {
        assertEquals("docker run --rm --network kamal --env-file .kamal/apps/app/env/accessories/db.env"
                + " --volume \"$PWD/app-db/data:/var/lib/mysql\" mysql:8.0 mysql -e 'select 1'",
                db.exec("mysql -e 'select 1'", false).toShell());
        assertEquals("docker exec app-db mysql", db.exec("mysql", true).toShell());
    }

    @Test
    void interactiveExecAndTheDataDirectoriesRemoveDeletes() {
        assertEquals("docker run -it --rm --network kamal --env-file .kamal/apps/app/env/accessories/db.env"
                + " --volume \"$PWD/app-db/data:/var/lib/mysql\" mysql:8.0 mysql", db.exec("mysql", false, "-it")
                .toShell());
        assertEquals("docker exec -it app-db mysql", db.exec("mysql", true, "-it").toShell());
        assertEquals(List.of("app-db/data"), db.dataDirectories());
    }
}
