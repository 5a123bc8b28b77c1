package dev.mlobservatory.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, beside JMH's wall-clock score: {@code -prof dev.mlobservatory.bench.CpuTimeProfiler}.
 * On a machine whose two cores other work shares, a benchmark thread waits for a core for a share of every
 * iteration that nobody controls, and the wall-clock score swings with it; the CPU the work itself took hardly
 * moves. {@code cpu.share} says how much of a core the benchmark threads actually got (100% when alone).
 * <ul>
 *   <li>{@code cpu.thread.norm}: the benchmark threads' own CPU per op (the code measured, nothing else)</li>
 *   <li>{@code cpu.process.norm}: the whole JVM's CPU per op, so garbage collection is counted too
 *       (and any JIT compilation still going on)</li>
 * </ul>
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final String WORKER = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private Map<Long, Long> workerStart = Map.of();
    private long processStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "CPU time per operation: the benchmark threads' own, and the whole JVM's (GC included)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workerStart = workerCpu();
        processStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
                                                          IterationParams iterationParams,
                                                          IterationResult result) {
        long wall = System.nanoTime() - wallStart;
        long process = os.getProcessCpuTime() - processStart;
        long worker = 0;
        for (Map.Entry<Long, Long> e : workerCpu().entrySet()) {
            // A worker started during the iteration began at zero.
            worker += e.getValue() - workerStart.getOrDefault(e.getKey(), 0L);
        }
        long ops = result.getMetadata().getAllOps(); // the ops of the whole iteration, as the timing spans it
        int workers = benchmarkParams.getThreads();
        return List.of(
                new ScalarResult("cpu.thread.norm", ops == 0 ? Double.NaN : (double) worker / ops, "ns/op",
                        AggregationPolicy.AVG),
                new ScalarResult("cpu.process.norm", ops == 0 ? Double.NaN : (double) process / ops, "ns/op",
                        AggregationPolicy.AVG),
                new ScalarResult("cpu.share", 100.0 * worker / wall / workers, "%", AggregationPolicy.AVG));
    }

    /** CPU time so far of every JMH worker thread, by thread id. */
    private Map<Long, Long> workerCpu() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        Map<Long, Long> cpu = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (all[i].getName().contains(WORKER)) {
                long t = threads.getThreadCpuTime(all[i].getId());
                if (t >= 0) {
                    cpu.put(all[i].getId(), t);
                }
            }
        }
        return cpu;
    }
}
