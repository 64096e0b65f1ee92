package org.kamal4j.flows.steps;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.commands.Command;
import org.kamal4j.config.Builder;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.ssh.ExecResult;

/**
 * Where a docker build runs. As Kamal does, an image is built from a clean git clone of HEAD (never from the
 * working tree) unless {@code builder.context} is set or the project is not in a git repository: what is deployed
 * is then exactly a commit, and the version (the commit) names it truthfully. The clone is kept between builds
 * under {@code <tmp>/kamal-clones/<service>-<13 hex of SHA-256 of the project path>} and reset to HEAD each time,
 * so a second build only fetches what changed.
 */
public final class CleanClone {

    private final FlowContext ctx;

    public CleanClone(FlowContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The directory to run the build in: the project directory itself when there is nothing to clone, else the
     * project's directory inside a clone that matches HEAD exactly (reset, or deleted and cloned again).
     */
    public Path buildDirectory(String service, Builder builder) throws FlowException, InterruptedException {
        Path project = ctx.baseDir().toAbsolutePath().normalize();
        if (builder.buildsWorkingTree()) {
            return project;
        }
        ExecResult top = ctx.local().run(Command.of("git", "rev-parse", "--show-toplevel").raw("2>/dev/null"),
                Map.of());
        if (!top.ok() || top.stdout().isBlank()) {
            return project;
        }
        Path root = Path.of(top.stdout().strip());
        String head = git(root, "rev-parse", "HEAD").stdout().strip();
        String dirty = ctx.local().run(Command.of("git", "status", "--porcelain"), Map.of()).stdout().strip();
        if (!dirty.isEmpty()) {
            ctx.output().warn("Building from a local git clone, so ignoring these uncommitted changes:\n" + dirty);
        }
        Path cloneDir = cloneDirectory(service, project);
        Path repo = cloneDir.resolve(root.getFileName().toString());
        if (ctx.dryRun()) {
            return repo.resolve(root.relativize(project));
        }
        if (!(reset(repo, root, head) && matches(repo, head))) {
            // a clone that cannot be brought to HEAD (deleted files, a broken checkout) is simply made again
            run(Command.of("rm", "-rf", cloneDir.toString())
                    .and(Command.of("mkdir", "-p", cloneDir.toString()))
                    .and(Command.of("git", "-C", cloneDir.toString(), "clone", root.toString(), "--recurse-submodules",
                            "--quiet")));
            if (!matches(repo, head)) {
                throw new FlowException("The clean git clone in " + repo + " does not match HEAD " + head
                        + "; delete " + cloneDir + " and deploy again, or set builder/context to build the "
                        + "working tree");
            }
        }
        ctx.output().info("Building from a clean git clone of " + head + " in " + repo);
        return repo.resolve(root.relativize(project));
    }

    /** {@code <tmp>/kamal-clones/<service>-<first 13 hex chars of SHA-256 of the project path>}, as Kamal names it. */
    static Path cloneDirectory(String service, Path project) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(project.toString().getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest).substring(0, 13);
            return Path.of(System.getProperty("java.io.tmpdir"), "kamal-clones", service + "-" + hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Brings an existing clone to HEAD; false when there is none or any step fails. */
    private boolean reset(Path repo, Path root, String head) throws FlowException, InterruptedException {
        if (!repo.resolve(".git").toFile().exists()) {
            return false;
        }
        String r = repo.toString();
        return ctx.local().run(Command.of("git", "-C", r, "remote", "set-url", "origin", root.toString())
                .and(Command.of("git", "-C", r, "fetch", "--quiet", "origin"))
                .and(Command.of("git", "-C", r, "reset", "--quiet", "--hard", head))
                .and(Command.of("git", "-C", r, "clean", "-fdxq"))
                .and(Command.of("git", "-C", r, "submodule", "update", "--init", "--quiet")), Map.of()).ok();
    }

    private boolean matches(Path repo, String head) throws FlowException, InterruptedException {
        ExecResult status = git(repo, "status", "--porcelain");
        ExecResult rev = git(repo, "rev-parse", "HEAD");
        return status.ok() && status.stdout().isBlank() && rev.ok() && rev.stdout().strip().equals(head);
    }

    private ExecResult git(Path dir, String... args) throws FlowException, InterruptedException {
        String[] argv = new String[args.length + 3];
        argv[0] = "git";
        argv[1] = "-C";
        argv[2] = dir.toString();
        System.arraycopy(args, 0, argv, 3, args.length);
        return ctx.local().run(Command.of(argv).raw("2>/dev/null"), Map.of());
    }

    private void run(Command command) throws FlowException, InterruptedException {
        ExecResult r = ctx.local().run(command, Map.of());
        if (!r.ok()) {
            throw new FlowException("Could not make a clean git clone to build from (exit status " + r.exitStatus()
                    + "): " + r.stdout().strip() + "\nFix it, or set builder/context to build the working tree");
        }
    }
}
