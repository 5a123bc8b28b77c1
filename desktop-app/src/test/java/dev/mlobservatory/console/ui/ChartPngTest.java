package dev.mlobservatory.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.testing.OnFx;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A chart photographed on Monocle, written as a PNG and read back; and what a failed save leaves behind: nothing. */
@ExtendWith(ApplicationExtension.class)
class ChartPngTest {

    private static final int WIDTH = 480;
    private static final int HEIGHT = 320;

    @TempDir
    Path dir;

    private Stage stage;
    private XYChart chart;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        chart = new XYChart(new DefaultNumericAxis("time"), new DefaultNumericAxis("value"));
        chart.setAnimated(false);
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.getDatasets().add(new DoubleDataSet("line", new double[] {0, 1, 2, 3}, new double[] {1, 3, 2, 4},
                4, true));
        chart.getRenderers().setAll(renderer);
        chart.setTitle("Latency p50/p95/p99");
        Scene scene = new Scene(chart, WIDTH, HEIGHT);
        Theme.apply(scene, false, false);
        stage.setScene(scene);
        stage.sizeToScene(); // the primary stage is shared: a test that resized it must not resize this one
        stage.show();
    }

    private ChartPng.Pixels capture() {
        return OnFx.read(() -> SaveChart.capture(chart));
    }

    @Test
    void aSnapshotOfAChartIsWrittenAsAPngThatReadsBackWithItsSizeAndItsLines() throws Exception {
        Path target = dir.resolve("latency.png");

        ChartPng.write(capture(), target);

        BufferedImage read = ImageIO.read(target.toFile());
        assertThat(read.getWidth()).isEqualTo(WIDTH);
        assertThat(read.getHeight()).isEqualTo(HEIGHT);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < HEIGHT; y += 2) {
            for (int x = 0; x < WIDTH; x += 2) {
                colours.add(read.getRGB(x, y));
            }
        }
        assertThat(colours).as("a background, text, axes and a line: not a blank picture").hasSizeGreaterThan(10);
        assertThat(read.getRGB(0, 0) | 0xFF000000).as("opaque, on the chart's background").isEqualTo(read.getRGB(0, 0));
        assertThat(files()).as("the temporary file was moved, not left").containsExactly(target);
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(target)).as("readable like any file the user makes")
                    .contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        }
    }

    @Test
    void savingOverAnExistingPngReplacesIt() throws Exception {
        Path target = dir.resolve("chart.png");
        Files.writeString(target, "an older file");

        ChartPng.write(capture(), target);

        assertThat(ImageIO.read(target.toFile()).getWidth()).isEqualTo(WIDTH);
        assertThat(files()).containsExactly(target);
    }

    @Test
    void anUnwritableFolderIsAClearMessageNotAStackTrace() throws Exception {
        // A file where the folder should be: unwritable for every user, root included (chmod is not, for root).
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        Path target = notAFolder.resolve("chart.png");
        ChartSaver saver = new ChartSaver(Runnable::run, FxThread.direct());

        saver.save(capture(), target).get(10, TimeUnit.SECONDS);

        assertThat(saver.failedProperty().get()).isTrue();
        assertThat(saver.messageProperty().get())
                .isEqualTo("Could not save the chart: " + notAFolder + " is not a folder. Pick another folder.")
                .doesNotContain("Exception", "\tat ");
        assertThat(files()).containsExactly(notAFolder);

        Path gone = dir.resolve("no-such-folder").resolve("chart.png");
        saver.save(capture(), gone).get(10, TimeUnit.SECONDS);
        assertThat(saver.messageProperty().get()).isEqualTo("Could not save the chart: the folder "
                + gone.getParent() + " does not exist. Pick another folder.");
    }

    @Test
    void aFailureAfterThePngIsWrittenLeavesNoPartialFile() throws Exception {
        // The move onto a non-empty folder fails after the temporary PNG is complete: it must be removed.
        Path folderInTheWay = Files.createDirectories(dir.resolve("chart.png"));
        Files.writeString(folderInTheWay.resolve("keep.txt"), "x");

        assertThatThrownBy(() -> ChartPng.write(capture(), folderInTheWay)).isInstanceOf(IOException.class);

        assertThat(files()).containsExactly(folderInTheWay);
        ChartSaver saver = new ChartSaver(Runnable::run, FxThread.direct());
        saver.save(capture(), folderInTheWay).get(10, TimeUnit.SECONDS);
        assertThat(saver.messageProperty().get()).isEqualTo(
                "Could not save the chart: " + folderInTheWay + " is a folder. Pick another name.");
    }

    @Test
    void aSaveThatWorksSaysWhereAndIsRememberedForTheNextOne() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("slides"));
        ChartSaver saver = new ChartSaver(Runnable::run, FxThread.direct());

        saver.save(capture(), folder.resolve("p95.png")).get(10, TimeUnit.SECONDS);

        assertThat(saver.failedProperty().get()).isFalse();
        assertThat(saver.messageProperty().get()).isEqualTo("Saved " + folder.resolve("p95.png"));
        assertThat(new ChartSaver(Runnable::run, FxThread.direct()).folder()).as("shared by every tab")
                .isEqualTo(folder);
    }

    @Test
    void fileNamesCarryTheTitleAndTheTime() {
        LocalDateTime t = LocalDateTime.of(2026, 11, 29, 14, 3, 12);
        assertThat(ChartPng.fileName("Latency p50/p95/p99", t)).isEqualTo("latency-p50-p95-p99-20261129-140312.png");
        assertThat(ChartPng.fileName("histogram_quantile(0.95, sum by (le) (rate(ml_prediction_duration_seconds_bucket"
                + "[5m])))", t)).isEqualTo("histogram-quantile-0-95-sum-by-le-rate-ml-predic-20261129-140312.png");
        assertThat(ChartPng.fileName("", t)).isEqualTo("chart-20261129-140312.png");
        assertThatThrownBy(() -> new ChartPng.Pixels(0, 10, new int[0])).hasMessageContaining("is the chart shown?");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
