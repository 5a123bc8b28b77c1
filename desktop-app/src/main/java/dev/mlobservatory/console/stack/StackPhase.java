package dev.mlobservatory.console.stack;

/** Where the stack is in its life; the Start/Stop buttons and the progress bar follow it. */
public enum StackPhase {
    STOPPED, STARTING, RUNNING, STOPPING, FAILED;

    public boolean busy() {
        return this == STARTING || this == STOPPING;
    }
}
