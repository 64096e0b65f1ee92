package org.kamal4j.commands;

/**
 * Writing a command's standard input to a file on the host: the one rendering of an upload, used by the
 * transport's own upload and by a step that carries its file with it (the env file in the command that starts the
 * container: one round trip instead of two).
 */
public final class FileWrite {

    private FileWrite() {}

    /**
     * {@code mkdir -p <dir> && (umask 077 && cat > <tmp>) && chmod <mode> <tmp> && mv -f <tmp> <path>}, the content
     * on standard input. The file is written under umask 077 and chmodded before it is renamed into place, so it
     * never exists with a wider mode than asked, not even for a moment, and never half written; the umask stays in
     * the parentheses, so steps chained after this one keep the login's. The directory is made with the login's
     * umask, as {@code mkdir -p} before an upload does in Kamal.
     *
     * @param tmpSuffix random text that keeps the temporary file's name apart from any other writer's
     */
    public static Command of(String remotePath, int mode, String tmpSuffix) {
        String tmp = remotePath + ".kamal-tmp-" + tmpSuffix;
        int slash = remotePath.lastIndexOf('/');
        Line line = new Line();
        if (slash > 0) {
            line.args("mkdir", "-p", remotePath.substring(0, slash)).raw("&&");
        }
        return line.raw("(umask 077 &&").args("cat").raw(">").args(tmp).raw(")").raw("&&")
                .args("chmod", Integer.toOctalString(mode), tmp).raw("&&").args("mv", "-f", tmp, remotePath)
                .build().step("upload of " + remotePath);
    }

    /** {@link #of} with {@code content} as its standard input. */
    public static Command of(byte[] content, String remotePath, int mode, String tmpSuffix) {
        return of(remotePath, mode, tmpSuffix).withStdin(content);
    }
}
