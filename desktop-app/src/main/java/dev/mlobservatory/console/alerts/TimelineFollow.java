package dev.mlobservatory.console.alerts;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps a list scrolled to its newest (last) entry as entries arrive, as long as the user is looking at the end:
 * one who scrolled back to read older entries keeps their place until they scroll to the end again.
 */
final class TimelineFollow {

    private final ListView<?> list;

    private TimelineFollow(ListView<?> list) {
        this.list = list;
    }

    /** Makes {@code list} follow its end; call once, after its items are set (it watches those items). */
    static void install(ListView<?> list) {
        TimelineFollow follow = new TimelineFollow(list);
        list.getItems().addListener((ListChangeListener<Object>) c -> follow.changed());
    }

    private void changed() {
        // Decided now, from what the list shows: the flow still holds the layout from before this change.
        if (!atEnd()) {
            return;
        }
        // Scrolled later: the skin learns of the new entries after this listener, and scrolling before would stop
        // at the previous last entry.
        Platform.runLater(() -> {
            int last = list.getItems().size() - 1;
            if (last >= 0) {
                list.scrollTo(last);
            }
        });
    }

    /**
     * True when the last entry the list had is on screen, or it is not laid out yet (nothing to keep a place in).
     */
    boolean atEnd() {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || flow.getCellCount() == 0) {
            return true;
        }
        IndexedCell<?> lastShown = flow.getLastVisibleCell();
        return lastShown == null || lastShown.getIndex() >= flow.getCellCount() - 1;
    }
}
