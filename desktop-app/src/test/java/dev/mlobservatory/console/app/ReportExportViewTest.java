package dev.mlobservatory.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.testing.OnFx;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Export report from the real window on Monocle, without a stack: each tab photographed into a PNG of the window's
 * size, the deliverables labelled, the tab the student was on shown again, and the button in the top bar.
 */
class ReportExportViewTest {

    @TempDir
    Path home;
    @TempDir
    Path out;
    private Console console;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        OnFx.read(() -> {
            if (stage != null) {
                stage.close();
            }
            if (console != null) {
                console.close();
            }
            return null;
        }, 60);
    }

    @Test
    void theReportHoldsAPictureOfEachTabAndTheDeliverablesAreLabelled() throws Exception {
        ConsoleWindow window = OnFx.read(() -> {
            console = new Console(home, FxThread.javafx());
            ConsoleWindow w = new ConsoleWindow(console, url -> { }, false, false);
            Scene scene = new Scene(w.root(), 1200, 800);
            w.attach(scene);
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return w;
        }, 60);
        Scene scene = stage.getScene();
        OnFx.read(() -> {
            ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().select(4); // the Stack tab
            return null;
        });
        assertThat(OnFx.read(() -> ((Labeled) scene.lookup("#export-report")).getText())).isEqualTo("Export report…");

        CompletableFuture<Path> export = OnFx.read(() -> window.exportReport(out));
        Path folder = export.get(60, TimeUnit.SECONDS);

        assertThat(folder.getParent()).isEqualTo(out);
        assertThat(folder.getFileName().toString()).matches("ml-observatory-report-\\d{8}-\\d{6}");
        for (String png : new String[] {"targets.png", "promql.png", "live.png", "alerts.png"}) {
            BufferedImage image = ImageIO.read(folder.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).as(png).isEqualTo(1200);
            assertThat(image.getHeight()).as(png).isEqualTo(800);
        }
        assertThat(differs(folder.resolve("targets.png"), folder.resolve("alerts.png"))).isTrue();
        String html = Files.readString(folder.resolve("index.html"));
        assertThat(html).contains("Lab deliverable 1: Prometheus targets, all UP",
                "Lab deliverable 2: a PromQL result", "Lab deliverable 3: the dashboard with visible metrics",
                "Local mode runs no Grafana", "No Prometheus was running");
        assertThat(OnFx.read(() -> ((TabPane) scene.lookup(".tab-pane")).getSelectionModel().getSelectedIndex()))
                .isEqualTo(4);
        assertThat(OnFx.read(() -> ((Labeled) scene.lookup("#report-progress")).getText()))
                .isEqualTo("Report written: " + folder.resolve("index.html"));
    }

    /** Two pictures of different tabs are different pictures (the tab really changed before each snapshot). */
    private static boolean differs(Path a, Path b) throws Exception {
        BufferedImage x = ImageIO.read(a.toFile());
        BufferedImage y = ImageIO.read(b.toFile());
        for (int i = 0; i < x.getWidth(); i += 3) {
            for (int j = 0; j < x.getHeight(); j += 3) {
                if (x.getRGB(i, j) != y.getRGB(i, j)) {
                    return true;
                }
            }
        }
        return false;
    }
}
