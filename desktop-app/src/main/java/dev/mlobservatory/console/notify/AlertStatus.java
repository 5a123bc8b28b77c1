package dev.mlobservatory.console.notify;

import java.util.Locale;

/** What a notification or one of its alerts says: firing, or resolved. */
public enum AlertStatus {
    FIRING, RESOLVED;

    /** The word Alertmanager sends and the table shows. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the value, for anything but "firing" or "resolved" */
    public static AlertStatus of(String word) {
        if ("firing".equals(word)) {
            return FIRING;
        }
        if ("resolved".equals(word)) {
            return RESOLVED;
        }
        throw new IllegalArgumentException("status must be \"firing\" or \"resolved\", got "
                + (word == null ? "nothing" : "\"" + word + "\""));
    }
}
