package dev.mlobservatory.console.install;

import dev.mlobservatory.console.settings.ConsoleSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What a "Get" button does, from a terminal: {@code observatory setup prometheus} or {@code setup alertmanager}.
 * Progress on stdout, a failure as one line on stderr, the installed binary's path as the last line on stdout (for
 * scripts: {@code PROM=$(java -jar observatory.jar setup prometheus | tail -1)}). Exit codes: 0 installed (or already
 * there), 1 failed, 2 bad arguments. A subclass names the tool and declares {@code --version} and {@code --mirror}
 * (picocli's defaults and help text must be constants).
 */
abstract class GetReleaseCommand implements Callable<Integer> {

    /** How long Ctrl+C waits for the download to stop and its partial files to go. */
    private static final long CLEANUP_SECONDS = 10;

    @Spec
    CommandSpec spec;

    // Not mixinStandardHelpOptions: its --version would take the name this command needs for the release.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** A terminal rewrites one progress line; a log or a pipe gets a line per step. */
    boolean terminal = System.console() != null;

    abstract Tool tool();

    /** The {@code --version} given, or the tool's default. */
    abstract String version();

    /** The {@code --mirror} given, or null. */
    abstract String mirror();

    @Override
    public Integer call() {
        Tool tool = tool();
        String name = "setup " + tool.name() + ": ";
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path home = ConsoleSettings.home();
        Release release;
        try {
            String base = mirror() != null ? mirror()
                    : ConsoleSettings.load(home.resolve("settings.properties")).getString(tool.mirrorSetting(), "");
            release = Release.of(tool, version(), Platform.current(tool), base);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (InstallException e) {
            err.println(name + e.getMessage());
            return 1;
        }
        String what = tool.displayName() + " " + release.version();
        OkHttpClient http = DownloadClient.of(new OkHttpClient(), System.getenv());
        ReleaseInstaller installer = new ReleaseInstaller(http, ToolsFolder.of(home));
        ProgressLine line = new ProgressLine(out, terminal);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl+C (or SIGTERM) runs the hooks while this thread still downloads: stop it, and let its cleanup finish
        // before the JVM goes.
        Thread hook = new Thread(() -> {
            installer.cancel();
            try {
                finished.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "setup-" + tool.name() + "-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.println(what + " for " + release.platform() + ": " + release.archiveUrl());
            out.flush();
            ReleaseInstaller.Result r = installer.install(release, line::show);
            line.end();
            out.println(r.reused()
                    ? what + " is already installed in " + r.binary().getParent() + "; reusing it."
                    : "Installed " + what + " in " + r.binary().getParent() + " (SHA-256 verified).");
            out.println(r.binary());
            out.flush();
            return 0;
        } catch (InstallException e) {
            line.end();
            err.println(name + e.getMessage());
            err.flush();
            return 1;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has what it waited for
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** The progress on a terminal: one line rewritten every half second, or a line per step and per 10 %. */
    static final class ProgressLine {
        private static final long EVERY_NANOS = 500_000_000L;
        private final PrintWriter out;
        private final boolean terminal;
        private Progress.Step step;
        private long shownAt;
        private int shownTenth = -1;
        private int width;

        ProgressLine(PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        void show(Progress p) {
            long now = System.nanoTime();
            boolean newStep = p.step() != step;
            step = p.step();
            int tenth = (int) Math.floor(p.fraction() * 10);
            String text = p.describe();
            if (terminal) {
                if (newStep || now - shownAt >= EVERY_NANOS) {
                    // \r and spaces over what the longer previous line left
                    out.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
                    width = text.length();
                    shownAt = now;
                    out.flush();
                }
            } else if (newStep || tenth > shownTenth || (p.fraction() < 0 && now - shownAt >= 10 * EVERY_NANOS)) {
                out.println(text);
                out.flush();
                shownAt = now;
                shownTenth = tenth;
            }
        }

        /** Ends the rewritten line, so what follows starts on its own. */
        void end() {
            if (terminal && width > 0) {
                out.println();
                width = 0;
            }
        }
    }
}
