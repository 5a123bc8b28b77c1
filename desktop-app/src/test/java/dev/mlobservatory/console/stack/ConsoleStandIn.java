package dev.mlobservatory.console.stack;

import java.nio.file.Path;

/**
 * A console reduced to what matters for leftovers, run as its own JVM by {@link ConsoleCrashTest}: it records one
 * child ({@code sleep 600}) and one data folder in the home it is given, prints {@code ready <pid> <folder>}, and
 * waits to be stopped (SIGTERM) or killed (SIGKILL).
 */
public final class ConsoleStandIn {

    private ConsoleStandIn() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        ChildProcesses children = new ChildProcesses(home);
        Process child = children.start(new ProcessBuilder(args[1], "600"));
        Path folder = DataDirs.create(home, children.owner(), line -> { });
        children.removeOnStop(folder);
        System.out.println("ready " + child.pid() + " " + folder);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
