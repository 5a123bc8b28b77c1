package dev.mlobservatory.console.lab;

import java.util.Objects;

/**
 * One guided step of the lab, as the bundled {@code steps.json} states it: what to do and why, and a hint.
 *
 * @param id     stable key: the check, the progress file and the report use it
 * @param title  a short line for the list
 * @param text   what and why, two or three sentences in the lab's spirit
 * @param hint   what to do when the check has nothing more precise to say
 * @param action "metrics" (offer Open /metrics), "grafana" (offer Open Grafana) or "" for none
 */
public record LabStep(String id, String title, String text, String hint, String action) {

    public LabStep {
        if (id == null || !id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("id must be lower-case letters, digits and '-', got '" + id + "'");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("step " + id + ": title is missing");
        }
        Objects.requireNonNull(text, "text");
        hint = hint == null ? "" : hint;
        action = action == null ? "" : action;
        if (!action.isEmpty() && !action.equals("metrics") && !action.equals("grafana")) {
            throw new IllegalArgumentException("step " + id + ": action must be metrics or grafana, got '" + action + "'");
        }
    }
}
