package org.kamal4j.config.erb;

/** An ERB template that cannot be rendered faithfully; names the file and 1-based line. */
public class ErbException extends RuntimeException {

    private final String fileName;
    private final int line;

    public ErbException(String fileName, int line, String message) {
        super(fileName + ":" + line + ": " + message);
        this.fileName = fileName;
        this.line = line;
    }

    public String fileName() {
        return fileName;
    }

    public int line() {
        return line;
    }
}
