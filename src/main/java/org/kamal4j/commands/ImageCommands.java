package org.kamal4j.commands;

import java.util.List;
import java.util.stream.Collectors;
import org.kamal4j.config.Builder;
import org.kamal4j.config.DeployConfig;

/** Building and pushing the app image locally, and pulling it on the hosts. */
public final class ImageCommands {

    private final DeployConfig config;

    public ImageCommands(DeployConfig config) {
        this.config = config;
    }

    /** Seconds a pull may take: long by nature (a large image on a slow link), so not the default limit. */
    public static final int PULL_TIMEOUT = 1800;

    public Command pull() {
        return Command.of("docker", "pull", config.absoluteImage()).step("pull").timeout(PULL_TIMEOUT);
    }

    /** Fails with Kamal's message when the pulled image lacks the {@code service} label of this service. */
    public Command checkServiceLabel() {
        String image = config.absoluteImage();
        return Command.of("docker", "inspect", "-f", "{{ .Config.Labels.service }}", image)
                .pipe(Command.of("grep", "-x", config.service()))
                .or(new Line().raw("(echo").interpolated("Image " + image + " is missing the 'service' label")
                        .raw("&& exit 1)").build());
    }

    /**
     * The pull sequence in one round trip: pull, then the label check (in its own {@code sh -c} so that a failed
     * pull is not reported as a missing label). Kamal first removes the host's copy ({@code docker image rm
     * --force}); {@code docker pull} fetches a tag whose registry digest changed anyway, and without the removal a
     * failed pull leaves the host's copy in place and costs one docker call less (docs/compatibility.md).
     */
    public Command pullAndCheck() {
        return pull().and(Command.subshell(checkServiceLabel()))
                .step("pull (docker pull, then the service label check)");
    }

    /**
     * A local {@code docker build} tagging version and latest. With {@code builder.secrets} or {@code builder.ssh}
     * it carries {@code --secret id=NAME,env=NAME} / {@code --ssh} and must run with BuildKit
     * ({@link #needsBuildKit()}); each secret's value is then read by docker from the environment of the build
     * process, so it is never on a command line.
     */
    public Command build() {
        Builder builder = config.builder();
        Line line = Line.of("docker", "build", "-t", config.absoluteImage(), "-t", config.latestImage());
        buildOptions(line, builder, false);
        builder.secrets().forEach(s -> line.args("--secret", "id=" + s + ",env=" + s));
        if (builder.ssh() != null) {
            line.args("--ssh", builder.ssh());
        }
        return line.args(context(builder)).build();
    }

    /** Secrets and SSH forwarding exist only in BuildKit builds ({@code DOCKER_BUILDKIT=1}). */
    public boolean needsBuildKit() {
        return !config.builder().secrets().isEmpty() || config.builder().ssh() != null;
    }

    /** {@code docker buildx build} pushing to the registry, Kamal's form for local builders. */
    public Command buildxBuild(boolean noCache) {
        Builder builder = config.builder();
        Line line = Line.of("docker", "buildx", "build", "--output=type=registry", "--platform", platforms());
        if (!"docker".equals(driver())) {
            line.args("--builder", buildxBuilderName());
        }
        line.args("-t", config.absoluteImage(), "-t", config.latestImage());
        buildOptions(line, builder, true);
        if (builder.provenance() != null) {
            line.args("--provenance", builder.provenance());
        }
        if (builder.sbom() != null) {
            line.args("--sbom", builder.sbom().toString());
        }
        if (noCache) {
            line.args("--no-cache");
        }
        return line.args(context(builder)).raw("2>&1").build();
    }

    /** The local daemon's architecture ({@code amd64}, {@code arm64}): what a plain docker build produces. */
    public Command localArch() {
        return Command.of("docker", "version", "--format", "{{.Server.Arch}}");
    }

    /** Both tags pushed in one command. */
    public Command push() {
        return Command.of("docker", "push", config.absoluteImage())
                .and(Command.of("docker", "push", config.latestImage()));
    }

    /** Succeeds when docker and buildx are installed locally. */
    public Command checkLocalDocker() {
        return Command.of("docker", "--version").and(Command.of("docker", "buildx", "version"));
    }

    /** {@code kamal-local-<driver>}. */
    public String buildxBuilderName() {
        return "kamal-local-" + driver();
    }

    public Command buildxInspect() {
        return Command.of("docker", "buildx", "inspect", buildxBuilderName());
    }

    public Command buildxCreate() {
        return Command.of("docker", "buildx", "create", "--name", buildxBuilderName(), "--driver=" + driver());
    }

    public Command buildxRemove() {
        return Command.of("docker", "buildx", "rm", buildxBuilderName());
    }

    private void buildOptions(Line line, Builder builder, boolean buildx) {
        line.value("--label", "service=" + config.service());
        builder.args().forEach((k, v) -> line.value("--build-arg", k + "=" + v));
        if (buildx) {
            builder.secrets().forEach(s -> line.value("--secret", "id=" + s));
        }
        line.args("--file", builder.dockerfile() == null ? "Dockerfile" : builder.dockerfile());
        if (builder.target() != null) {
            line.args("--target", builder.target());
        }
        if (buildx && builder.ssh() != null) {
            line.args("--ssh", builder.ssh());
        }
    }

    private String platforms() {
        List<String> arches = config.builder().arch();
        return arches.stream().map(a -> "linux/" + a).collect(Collectors.joining(","));
    }

    private String driver() {
        return config.builder().driver() == null ? "docker-container" : config.builder().driver();
    }

    private static String context(Builder builder) {
        return builder.context() == null ? "." : builder.context();
    }
}
