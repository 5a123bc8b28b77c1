package dev.mlobservatory.console.prom;

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
}
