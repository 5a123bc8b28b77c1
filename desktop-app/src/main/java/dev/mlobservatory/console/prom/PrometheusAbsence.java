package dev.mlobservatory.console.prom;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * Why there is no Prometheus to ask, so that every tab says what is true: nothing started yet (press Start), or a
 * stack running without one because none was found on this computer (Start cannot help; getting Prometheus can).
 */
public enum PrometheusAbsence {

    NOT_STARTED("Prometheus is not running: press ▶ Start stack (top left) to %s."),
    NOT_INSTALLED("This stack runs without Prometheus, as none was found on this computer: get it on the Stack tab "
            + "(Get Prometheus 3.5 LTS), then stop and start the stack, to %s.");

    private final String sentence;

    PrometheusAbsence(String sentence) {
        this.sentence = sentence;
    }

    /** The sentence a tab shows, e.g. "… to see alert rules." for {@code purpose} "see alert rules". */
    public String say(String purpose) {
        return String.format(sentence, purpose);
    }

    /**
     * Hands {@code follow} why there is no Prometheus now, and again at each change: the one way the Live, PromQL,
     * Alerts and Targets models keep their message true. A null (no stack yet) reads as {@link #NOT_STARTED}.
     */
    public static void follow(ObservableValue<PrometheusAbsence> why, Consumer<PrometheusAbsence> follow) {
        follow.accept(why.getValue() == null ? NOT_STARTED : why.getValue());
        why.addListener((obs, old, now) -> follow.accept(now == null ? NOT_STARTED : now));
    }
}
