package dev.mlobservatory.api.testing;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Says, at the end of a module's tests, which Prometheus and promtool versions they ran against: a green build
 * should say what it proved. Registered in META-INF/services of each module that runs live tests.
 */
public final class ToolVersionsReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        List<Tools.Versioned> used = Tools.used();
        if (!used.isEmpty()) {
            System.out.println("[tools] these tests ran against " + used.stream()
                    .map(v -> v + " (" + v.path() + ")").collect(Collectors.joining(", ")));
        }
    }
}
