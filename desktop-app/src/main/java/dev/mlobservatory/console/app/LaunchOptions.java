package dev.mlobservatory.console.app;

/**
 * What the command line asked the window to do on open, e.g. for a class that should see data at once.
 *
 * @param startStack start the stack as soon as the environment is known
 * @param trafficRate start test traffic at this rate once the API answers; 0 for none
 * @param presenter open in presenter mode (overrides the remembered setting)
 * @param exercises a teacher's PromQL exercises file (overrides the setting lab.exercises); null for none
 */
public record LaunchOptions(boolean startStack, double trafficRate, Boolean presenter, java.nio.file.Path exercises) {

    public static final LaunchOptions NONE = new LaunchOptions(false, 0, null);

    public LaunchOptions(boolean startStack, double trafficRate, Boolean presenter) {
        this(startStack, trafficRate, presenter, null);
    }

    public LaunchOptions {
        if (!(trafficRate >= 0 && trafficRate <= 5_000)) {
            throw new IllegalArgumentException("traffic rate must be 0..5000 requests/s, got " + trafficRate);
        }
        if (trafficRate > 0 && !startStack) {
            throw new IllegalArgumentException("--traffic needs --start (traffic needs a running API)");
        }
    }

    private static volatile LaunchOptions current = NONE;

    /** Set by the launcher before the JavaFX application starts (JavaFX builds the Application itself). */
    public static void set(LaunchOptions options) {
        current = options;
    }

    static LaunchOptions current() {
        return current;
    }
}
