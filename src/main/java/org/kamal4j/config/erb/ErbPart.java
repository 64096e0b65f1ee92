package org.kamal4j.config.erb;

/** A piece of a scanned template: literal text, or the Ruby code of one tag with its 1-based line. */
record ErbPart(Kind kind, String text, int line) {

    /** What the part is; {@code UNTERMINATED} is a tag whose {@code %>} never came. */
    enum Kind { TEXT, OUTPUT, CODE, COMMENT, UNTERMINATED }

    static ErbPart text(String text) {
        return new ErbPart(Kind.TEXT, text, 0);
    }

    boolean isTag() {
        return kind != Kind.TEXT;
    }
}
