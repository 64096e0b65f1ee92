package org.kamal4j.commands;

import org.kamal4j.config.DeployConfig;

/** Removal of old stopped containers and unused images of the service on a host. */
public final class PruneCommands {

    private final DeployConfig config;

    public PruneCommands(DeployConfig config) {
        this.config = config;
    }

    /** Keeps the {@code retain} most recent stopped containers of the service, removes the rest. */
    public Command containers(int retain) {
        if (retain < 1) {
            throw new IllegalArgumentException("retain must be at least 1");
        }
        return Line.of("docker", "ps", "-q", "-a", "--filter", serviceLabel(), "--filter", "status=created",
                "--filter", "status=exited", "--filter", "status=dead").raw("|")
                .args("tail", "-n", "+" + (retain + 1)).raw("| while read container_id; do docker rm $container_id; done")
                .build();
    }

    /** Removes dangling images of the service. */
    public Command danglingImages() {
        return Command.of("docker", "image", "prune", "--force", "--filter", serviceLabel());
    }

    /** Removes every tagged image of the service that no container uses and that is not the latest tag. */
    public Command taggedImages() {
        Command inUse = Command.of("docker", "container", "ls", "-a", "--format", "{{.Image}}\\|", "--filter",
                serviceLabel()).pipe(Command.of("tr", "-d", "\\n"));
        String keep = config.latestImage() + "\\|" + config.repository() + ":<none>";
        return Command.of("docker", "image", "ls", "--filter", serviceLabel(), "--format",
                        "{{.ID}} {{.Repository}}:{{.Tag}}")
                .pipe(Line.of("grep", "-v", "-w").substitution("", inUse, keep, true).build())
                .raw("| while read image tag; do docker rmi $tag; done");
    }

    /** Both image steps in one round trip, in Kamal's order. */
    public Command images() {
        return danglingImages().and(taggedImages());
    }

    private String serviceLabel() {
        return "label=service=" + config.service();
    }
}
