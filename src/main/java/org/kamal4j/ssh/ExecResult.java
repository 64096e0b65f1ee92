package org.kamal4j.ssh;

/** What a remote command returned. */
public record ExecResult(int exitStatus, String stdout, String stderr) {

    public boolean ok() {
        return exitStatus == 0;
    }
}
