package dev.mlobservatory.console.install;

import javafx.beans.value.ObservableBooleanValue;

/**
 * The "Get Prometheus 3.5 LTS" button: a {@link GetReleaseView} on a {@link GetPrometheusModel}, under the name the
 * banner and the Stack tab already use.
 */
public final class GetPrometheusView extends GetReleaseView {

    /**
     * @param offered whether the button is offered now (no Prometheus was found)
     * @param id prefix of the controls' ids, so two of these in one window stay apart
     */
    public GetPrometheusView(GetPrometheusModel model, ObservableBooleanValue offered, String id) {
        super(model, offered, id);
    }
}
