package dev.mlobservatory.console.query;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Popup;

/**
 * The completion list under the caret of the query editor. Ctrl+Space opens it; typing a word of two or more
 * characters opens it too. Up/Down choose, Enter/Tab/click accept, Escape closes. The editor keeps the
 * keyboard focus all along, so typing simply narrows the list.
 */
final class CompletionPopup {

    /** Fewer typed characters than this match too much to be worth a popup appearing uninvited. */
    static final int AUTO_MIN_CHARS = 2;
    private static final int VISIBLE_ROWS = 8;

    private final TextArea editor;
    private final QueryModel model;
    private final Popup popup = new Popup();
    private final ListView<Completion.Suggestion> list = new ListView<>();
    private final StackPane box = new StackPane(list);
    private Completion.Candidates candidates;

    CompletionPopup(TextArea editor, QueryModel model) {
        this.editor = editor;
        this.model = model;
        list.setId("query-completions");
        list.getStyleClass().add("query-completions");
        // The editor keeps the focus: the list is only pointed at, never typed into.
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new SuggestionCell());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                accept(list.getSelectionModel().getSelectedItem());
            }
        });
        box.getStyleClass().add("query-completion-popup");
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setAutoFix(true);
        popup.setHideOnEscape(true);

        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        // After the editor has inserted the typed character (its own handler runs after this filter).
        editor.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            boolean printable = !ch.isEmpty() && !Character.isISOControl(ch.charAt(0));
            if (printable && !e.isControlDown() && !e.isMetaDown()) {
                Platform.runLater(this::updateWhileTyping);
            }
        });
        editor.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                hide();
            }
        });
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    /** Where the list is on screen (for tests). */
    Point2D screenPosition() {
        return new Point2D(popup.getX(), popup.getY());
    }

    ListView<Completion.Suggestion> list() {
        return list;
    }

    /** Shows every candidate for the word at the caret, however short (Ctrl+Space). */
    void showAll() {
        Completion.Candidates c = model.completionsAt(editor.getText(), editor.getCaretPosition());
        if (c.isEmpty()) {
            hide();
        } else {
            show(c);
        }
    }

    private void updateWhileTyping() {
        Completion.Candidates c = model.completionsAt(editor.getText(), editor.getCaretPosition());
        boolean longEnough = c.prefix().length() >= AUTO_MIN_CHARS;
        if (c.isEmpty() || (!longEnough && !popup.isShowing()) || c.prefix().isEmpty()) {
            hide();
        } else {
            show(c);
        }
    }

    private void onKeyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE && e.isControlDown()) {
            showAll();
            e.consume();
            return;
        }
        if (!popup.isShowing()) {
            return;
        }
        switch (e.getCode()) {
            case DOWN -> move(1, e);
            case UP -> move(-1, e);
            case PAGE_DOWN -> move(VISIBLE_ROWS, e);
            case PAGE_UP -> move(-VISIBLE_ROWS, e);
            case ENTER, TAB -> {
                // Ctrl+Enter still runs the query; a plain Enter or Tab takes the highlighted name.
                if (!e.isControlDown() && !e.isShortcutDown()) {
                    accept(list.getSelectionModel().getSelectedItem());
                    e.consume();
                } else {
                    hide();
                }
            }
            case ESCAPE -> {
                hide();
                e.consume();
            }
            case BACK_SPACE, DELETE, LEFT, RIGHT -> Platform.runLater(this::updateWhileTyping);
            default -> { }
        }
    }

    private void move(int by, KeyEvent e) {
        int size = list.getItems().size();
        int next = Math.max(0, Math.min(size - 1, list.getSelectionModel().getSelectedIndex() + by));
        list.getSelectionModel().select(next);
        list.scrollTo(Math.max(0, next - VISIBLE_ROWS / 2));
        e.consume();
    }

    private void show(Completion.Candidates c) {
        candidates = c;
        list.getItems().setAll(c.suggestions());
        // No scrollTo(0) here: fresh items start at the top, and scrolling a list that is not shown yet makes
        // JavaFX style a measuring cell outside the theme (warnings about unresolved -color-* lookups).
        list.getSelectionModel().selectFirst();
        // Sized from the editor's font so presenter mode (a larger root font) scales the list too.
        double em = editor.getFont().getSize();
        // The popup is a scene of its own and does not inherit the window's font size: copy the editor's.
        box.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", em));
        list.setFixedCellSize(Math.round(em * 2));
        list.setPrefWidth(em * 30);
        list.setPrefHeight(list.getFixedCellSize() * Math.min(VISIBLE_ROWS, c.suggestions().size()) + 4);
        if (!popup.isShowing()) {
            Point2D at = anchor();
            if (at != null) {
                popup.show(editor, at.getX(), at.getY());
            }
        }
    }

    void hide() {
        if (popup.isShowing()) {
            popup.hide();
        }
    }

    private void accept(Completion.Suggestion s) {
        if (s == null || candidates == null) {
            hide();
            return;
        }
        Completion.Edit edit = Completion.accept(editor.getText(), candidates, s);
        hide();
        editor.setText(edit.text());
        editor.positionCaret(edit.caret());
        editor.requestFocus();
    }

    /** Just below the caret; below the editor's top-left corner if the skin cannot say where the caret is. */
    private Point2D anchor() {
        if (editor.getScene() == null || editor.getScene().getWindow() == null) {
            return null;
        }
        Bounds caret = editor.getSkin() instanceof TextAreaSkin skin ? skin.getCaretBounds() : null;
        Point2D local = caret != null && !caret.isEmpty()
                ? new Point2D(caret.getMinX(), caret.getMaxY())
                : new Point2D(0, editor.getHeight());
        return editor.localToScreen(local);
    }

    /** A name with its kind (metric, label, function) in muted small text beside it. */
    private static final class SuggestionCell extends ListCell<Completion.Suggestion> {
        private final Label name = new Label();
        private final Label kind = new Label();
        private final HBox box;

        SuggestionCell() {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            kind.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            name.setStyle("-fx-font-family: monospace;");
            box = new HBox(8, name, spacer, kind);
            box.setAlignment(Pos.BASELINE_LEFT);
        }

        @Override
        protected void updateItem(Completion.Suggestion item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                name.setText(item.text());
                kind.setText(item.kind().label());
                setGraphic(box);
            }
        }
    }
}
