package dev.mlobservatory.console.silence;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.TabParts;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The silences in force, each with its matchers, comment, author, end and an Expire button; "New silence…"; the
 * last command's outcome; the last few expired. A standalone pane: the window puts it in a tab (or a section of the
 * Notifications tab).
 */
public final class SilencesView extends BorderPane {

    private final SilencesModel model;
    private final SilenceDialog dialog;
    final ListView<Silence> list = new ListView<>();
    final Button create = new Button("New silence…");
    final Label outcome = new Label();
    final Label expired = new Label();
    private final Label source = new Label();
    private final Label placeholder = new Label();

    public SilencesView(SilencesModel model, SilenceDialog dialog) {
        this.model = model;
        this.dialog = dialog;
        createView();
        initListeners();
    }

    private void createView() {
        setId("silences-view");
        source.getStyleClass().add(Styles.TEXT_MUTED);
        create.setId("silence-new");
        create.setTooltip(new Tooltip("Mute the notifications of the alerts that match, for a while"));
        TabParts.frame(this, "Silences", source, create);
        list.setId("silences-list");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        list.setPlaceholder(placeholder);
        list.setCellFactory(l -> new SilenceCell());
        outcome.setId("silences-outcome");
        outcome.setWrapText(true);
        expired.setId("silences-expired");
        expired.setWrapText(true);
        expired.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        expired.managedProperty().bind(expired.textProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        setCenter(list);
        setBottom(new VBox(4, outcome, expired, TabParts.help("A silence mutes notifications, not alerts: the rule "
                + "still fires in Prometheus and on the Alerts tab. Alertmanager drops the silence when it ends.")));
    }

    private void initListeners() {
        list.setItems(model.silences());
        TabParts.explain(placeholder, model.messageProperty(), "No silence in force.");
        source.textProperty().bind(model.sourceProperty());
        create.disableProperty().bind(model.reachableProperty().not());
        create.setOnAction(e -> dialog.openFor(Map.of()));
        outcome.textProperty().bind(Bindings.createStringBinding(() -> {
            SilencesModel.Outcome o = model.outcomeProperty().get();
            return o == null ? "" : o.text();
        }, model.outcomeProperty()));
        model.outcomeProperty().addListener((o, was, now) -> {
            outcome.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            if (now != null) {
                outcome.getStyleClass().add(now.ok() ? Styles.SUCCESS : Styles.DANGER);
            }
        });
        model.expired().addListener((javafx.collections.ListChangeListener<Silence>) c -> showExpired());
        // "in 14 m" moves at every poll.
        model.nowProperty().addListener((o, a, b) -> list.refresh());
    }

    private void showExpired() {
        StringBuilder text = new StringBuilder();
        for (Silence s : model.expired()) {
            text.append(text.length() == 0 ? "Expired: " : "; ").append(s.matcherText())
                    .append(s.createdBy().isBlank() ? "" : " by " + s.createdBy()).append(", ").append(model.ends(s));
        }
        expired.setText(text.toString());
    }

    /** One silence: matchers in bold, then "'comment' · by maria · until 10:42 (in 14 m)", and Expire. */
    private final class SilenceCell extends ListCell<Silence> {
        private final Label matchers = new Label();
        private final Label facts = new Label();
        private final Button expire = new Button("Expire");
        private final HBox box;

        SilenceCell() {
            matchers.getStyleClass().add(Styles.TEXT_BOLD);
            matchers.setWrapText(true);
            facts.setWrapText(true);
            facts.getStyleClass().add(Styles.TEXT_MUTED);
            expire.getStyleClass().add(Styles.DANGER);
            expire.setMinWidth(Region.USE_PREF_SIZE);
            expire.setTooltip(new Tooltip("End this silence now: its alerts notify again"));
            VBox text = new VBox(2, matchers, facts);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            // A list cell sizes its graphic from preferred widths: given the room the list leaves beside the button,
            // long matchers wrap onto a second line instead of ending in "…" (presenter mode).
            for (Label l : new Label[] {matchers, facts}) {
                l.prefWidthProperty().bind(list.widthProperty().subtract(expire.widthProperty()).subtract(48));
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            box = new HBox(10, text, expire);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
            expire.setOnAction(e -> {
                Silence s = getItem();
                if (s != null) {
                    expire.setDisable(true);
                    model.expire(s.id()).thenAccept(o -> expire.setDisable(false));
                }
            });
        }

        @Override
        protected void updateItem(Silence s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            matchers.setText(s.matcherText());
            String comment = s.comment().isBlank() ? "" : "'" + s.comment() + "' · ";
            String by = s.createdBy().isBlank() ? "" : "by " + s.createdBy() + " · ";
            facts.setText(comment + by + model.ends(s));
            expire.setId("silence-expire-" + SilencesModel.shortId(s.id()));
            setGraphic(box);
        }
    }
}
