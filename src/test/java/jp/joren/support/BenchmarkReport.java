package jp.joren.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures a benchmark measured, written to {@code benchmarks/results/<name>.md} with the machine they ran
 * on. Benchmarks assert nothing about time: they measure and write.
 */
public final class BenchmarkReport {

    private final String name;
    private final List<String> lines = new ArrayList<>();

    public BenchmarkReport(String name, String description) {
        this.name = name;
        lines.add("# " + name);
        lines.add("");
        lines.add(description);
        lines.add("");
        lines.add("Measured " + OffsetDateTime.now(ZoneId.of("Asia/Tokyo")).withNano(0) + " on " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB.");
        lines.add("");
    }

    public BenchmarkReport line(String format, Object... arguments) {
        String line = "- " + String.format(format, arguments);
        lines.add(line);
        System.out.println(name + ": " + line);
        return this;
    }

    public void write() {
        try {
            Path folder = Files.createDirectories(Path.of("benchmarks/results"));
            Files.write(folder.resolve(name + ".md"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the heap's peak so far, so that {@link #peakHeapMiB()} measures what comes next. */
    public static void resetPeakHeap() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public static long peakHeapMiB() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }
}
