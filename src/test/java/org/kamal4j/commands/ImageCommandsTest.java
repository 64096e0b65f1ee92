package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamal4j.commands.RemoteArgv.assertSameArgv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kamal4j.config.Builder;
import org.kamal4j.config.ConfigBuilder;
import org.kamal4j.config.DeployConfig;

class ImageCommandsTest {

    private final ImageCommands image = new ImageCommands(Example.config());

    @Test
    void remotePullSequenceWithoutKamalsRemovalOfTheHostsCopy() {
        assertEquals("docker pull registry.example/app:abc123", image.pull().toShell());
        String kamal = "docker inspect -f '{{ .Config.Labels.service }}' registry.example/app:abc123 | grep -x app || (echo \"Image registry.example/app:abc123 is missing the 'service' label\" && exit 1)";
        assertEquals("docker inspect -f '{{ .Config.Labels.service }}' registry.example/app:abc123 | grep -x app"
                + " || (echo 'Image registry.example/app:abc123 is missing the '\\''service'\\'' label' && exit 1)",
                image.checkServiceLabel().toShell());
        assertSameArgv(kamal, image.checkServiceLabel(), "docker", "grep", "echo");
        assertEquals("docker pull registry.example/app:abc123 && sh -c " + ShellQuoting.quote(image.checkServiceLabel().toShell()),
                image.pullAndCheck().toShell());
    }

    @Test
    void buildxBuildOfTheReference() {
        String kamal = "docker buildx build --output=type=registry --platform linux/amd64 --builder kamal-local-docker-container -t registry.example/app:abc123 -t registry.example/app:latest --label service=\"app\" --file Dockerfile . 2>&1";
        Command build = image.buildxBuild(false);
        assertEquals(kamal.replace("\"", ""), build.toShell());
        assertSameArgv(kamal, build, "docker");
    }

    @Test
    void buildxWithArgsSecretsTargetAndNoCache() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("RUBY_VERSION", "3.3");
        Builder builder = new Builder(List.of("amd64", "arm64"), null, true, "docker", "app", "Dockerfile.prod",
                "prod", args, List.of("GITHUB_TOKEN"), "default", null, null, null, null, null, "false", false, null);
        DeployConfig config = ConfigBuilder.from(Example.config(), b -> b.builder = builder);
        ImageCommands images = new ImageCommands(config);
        assertEquals("docker buildx build --output=type=registry --platform linux/amd64,linux/arm64"
                + " -t registry.example/app:abc123 -t registry.example/app:latest --label service=app"
                + " --build-arg RUBY_VERSION=3.3 --secret id=GITHUB_TOKEN --file Dockerfile.prod --target prod"
                + " --ssh default --provenance false --sbom false --no-cache app 2>&1", images.buildxBuild(true).toShell());
        assertEquals("docker build -t registry.example/app:abc123 -t registry.example/app:latest --label service=app"
                + " --build-arg RUBY_VERSION=3.3 --file Dockerfile.prod --target prod"
                + " --secret id=GITHUB_TOKEN,env=GITHUB_TOKEN --ssh default app", images.build().toShell());
        assertTrue(images.needsBuildKit(), "secrets and ssh exist only in BuildKit builds");
    }

    @Test
    void localBuildPushAndBuilderManagement() {
        assertEquals("docker build -t registry.example/app:abc123 -t registry.example/app:latest --label service=app"
                + " --file Dockerfile .", image.build().toShell());
        assertEquals("docker push registry.example/app:abc123 && docker push registry.example/app:latest",
                image.push().toShell());
        assertEquals("docker --version && docker buildx version", image.checkLocalDocker().toShell());
        assertEquals("docker buildx inspect kamal-local-docker-container", image.buildxInspect().toShell());
        assertEquals("docker buildx create --name kamal-local-docker-container --driver=docker-container",
                image.buildxCreate().toShell());
        assertEquals("docker buildx rm kamal-local-docker-container", image.buildxRemove().toShell());
    }
}
