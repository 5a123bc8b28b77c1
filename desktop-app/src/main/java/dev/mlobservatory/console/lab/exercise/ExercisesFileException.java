package dev.mlobservatory.console.lab.exercise;

/** An exercises file that cannot be used, with one line saying where and what, e.g. "x.yaml line 7, tolerance: …". */
public final class ExercisesFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExercisesFileException(String message) {
        super(message);
    }
}
