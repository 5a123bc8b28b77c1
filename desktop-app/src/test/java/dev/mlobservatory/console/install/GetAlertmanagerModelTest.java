package dev.mlobservatory.console.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.ReleaseMirror;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Get Alertmanager button's model without a window: its own mirror setting named when it is bad, the outcome as
 * state, and the console asked to look again after an install or a reuse.
 */
@Timeout(120)
class GetAlertmanagerModelTest {

    @TempDir
    Path home;
    private final ScheduledExecutorService executor = AppExecutor.create();
    private final OkHttpClient http = DownloadClient.of(new OkHttpClient(), Map.of());
    private final AtomicReference<String> mirrorSetting = new AtomicReference<>();
    private final AtomicInteger lookedAgain = new AtomicInteger();
    private ReleaseMirror mirror;
    private GetReleaseModel model;

    @BeforeEach
    void setUp() throws Exception {
        mirror = new ReleaseMirror(Tool.ALERTMANAGER);
        mirrorSetting.set(mirror.url());
        model = new GetReleaseModel(Tool.ALERTMANAGER, executor, FxThread.direct(), http, ToolsFolder.of(home),
                mirrorSetting::get, lookedAgain::incrementAndGet);
    }

    @AfterEach
    void tearDown() {
        model.close();
        AppExecutor.shutdown(executor);
        mirror.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /**
     * Waits for the callback, which the model runs after its last state change on the same thread: reading the state
     * after it sees all of it (waiting for "not running" would not: the status is set after that).
     */
    private void awaitLookedAgain(int times) throws InterruptedException {
        LiveStack.await("the console asked to look again", 60, () -> lookedAgain.get() >= times);
    }

    @Test
    void aBadSavedMirrorIsNamedWithItsSetting() {
        mirrorSetting.set("ftp://school/mirror");
        model.get();

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("The saved Alertmanager mirror cannot be used: mirror must "
                + "be an http:// or https:// URL, got 'ftp://school/mirror' (alertmanager.mirror in "
                + "settings.properties).");
        assertThat(lookedAgain).hasValue(0);
    }

    @Test
    void anInstallThenAReuseEachMakeTheConsoleLookAgain() throws Exception {
        Path dir = home.resolve("tools/alertmanager-0.33.1").toAbsolutePath();
        model.get();
        awaitLookedAgain(1);
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.failedProperty().get()).as(model.statusProperty().get()).isFalse();
        assertThat(model.statusProperty().get())
                .isEqualTo("Alertmanager 0.33.1 installed in " + dir + " (checksum verified).");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(lookedAgain).hasValue(1);

        model.get();
        awaitLookedAgain(2);
        assertThat(model.statusProperty().get()).isEqualTo("Alertmanager 0.33.1 was already installed in " + dir + ".");
        assertThat(lookedAgain).hasValue(2);
        assertThat(mirror.requests).hasSize(2); // the checksums and the archive, once
    }
}
