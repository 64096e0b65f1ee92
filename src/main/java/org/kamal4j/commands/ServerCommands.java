package org.kamal4j.commands;


/** Host preparation: the Docker presence, root/sudo and group checks and the Docker install. */
public final class ServerCommands {

    private static final String IS_ROOT = "[ \"${EUID:-$(id -u)}\" -eq 0 ]";
    private static final String CURRENT_USER = "\"${USER:-$(id -un)}\"";

    private ServerCommands() {}

    /** Succeeds when Docker is installed. */
    public static Command dockerVersion() {
        return Command.of("docker", "-v");
    }

    /** Succeeds when the user is root or may run {@code sudo usermod} without a password. */
    public static Command rootOrPasswordlessSudo() {
        return Command.script(IS_ROOT + " || sudo -nl usermod >/dev/null");
    }

    /** Downloads and runs Docker's install script (curl, else wget). */
    public static Command installDocker() {
        return Command.of("sh", "-c",
                        "curl -fsSL https://get.docker.com || wget -O - https://get.docker.com || echo \"exit 1\"")
                .pipe(Command.of("sh"));
    }

    public static Command isRoot() {
        return Command.script(IS_ROOT);
    }

    /** Succeeds when the SSH user is in the {@code docker} group. */
    public static Command inDockerGroup() {
        return Command.script("id -nG " + CURRENT_USER + " | grep -qw docker");
    }

    /** Root or docker group member: the two checks in one round trip. */
    public static Command canUseDocker() {
        return isRoot().or(inDockerGroup());
    }

    public static Command addToDockerGroup() {
        return Command.script("sudo -n usermod -aG docker " + CURRENT_USER);
    }

    /** Ends the SSH session so the next one sees the new group (the connection drop is expected). */
    public static Command refreshSession() {
        return Command.script("kill -HUP $PPID");
    }

    public static Command ensureRunDirectory() {
        return Command.of("mkdir", "-p", ".kamal");
    }

    /** {@code docker network create <name>}; an "already exists" failure means it is there. */
    public static Command createNetwork(String name) {
        return Command.of("docker", "network", "create", name);
    }

    /** Creates the network only when missing, so success needs no look at the error text. */
    /** {@link #ensureNetwork} for {@code kamal} in a subshell of its own, so it can follow a login's {@code &&}. */
    public static Command ensureKamalNetwork() {
        return Command.subshell(ensureNetwork("kamal"));
    }

    public static Command ensureNetwork(String name) {
        return Line.of("docker", "network", "inspect", name).raw("> /dev/null 2>&1").build()
                .or(createNetwork(name));
    }
}
