package dev.mlobservatory.console.ui;

/**
 * A status chip's state, shown as a coloured label: what is known of one part of the stack.
 *
 * @param level how it looks
 * @param text what it says, e.g. "API up · 127.0.0.1:8080"
 * @param detail the tooltip: the why, in a sentence
 */
public record Chip(Level level, String text, String detail) {

    /** Green, red, amber, or grey for "not started / not applicable". */
    public enum Level { OK, DOWN, WARN, IDLE }

    public Chip {
        if (level == null || text == null) {
            throw new IllegalArgumentException("a chip needs a level and a text");
        }
        detail = detail == null ? "" : detail;
    }

    public static Chip idle(String text, String detail) {
        return new Chip(Level.IDLE, text, detail);
    }
}
