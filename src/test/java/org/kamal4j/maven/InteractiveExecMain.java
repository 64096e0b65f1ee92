package org.kamal4j.maven;

import java.io.File;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Runs the {@code kamal:app-exec} Mojo with {@code kamal.interactive=true} in its own JVM, so a test can start it
 * under a pseudo-terminal ({@code script}) and type into it as a user would.
 *
 * <p>Arguments: the project directory, the command, and optionally {@code reuse}.
 */
public final class InteractiveExecMain {

    private InteractiveExecMain() {}

    public static void main(String[] args) throws Exception {
        AppExecMojo mojo = new AppExecMojo();
        mojo.baseDir = new File(args[0]);
        mojo.command = args[1];
        mojo.reuse = args.length > 2 && args[2].equals("reuse");
        mojo.interactive = true;
        mojo.maxThreads = 4;
        try {
            mojo.execute();
        } catch (MojoFailureException e) {
            System.out.println("GOAL FAILED: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }
}
