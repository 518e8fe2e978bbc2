package jp.joren.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.joren.demo.DemoShopGenerator;
import jp.joren.demo.DemoShopSpec;
import jp.joren.nightly.ShopNightlyRun;
import jp.joren.support.BenchmarkReport;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole night of 1,000 shops of 1,000 customers each (about ten million purchase lines): every shop's
 * night one after the other, as the dispatcher runs them, and the app's peak heap meanwhile. Run with the
 * benchmarks profile and {@code -Dbenchmark.heap=512m} (README).
 */
@JorenIntegrationTest
class NightlyFleetBenchmark {

    private static final int SHOPS = Integer.getInteger("benchmark.shops", 1_000);
    private static final int CUSTOMERS = 1_000;

    @Autowired
    DemoShopGenerator generator;

    @Autowired
    ShopNightlyRun nights;

    @Test
    void theWholeNightOfAThousandShops() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        long started = System.nanoTime();
        List<Long> shops = generate(today);
        double generation = (System.nanoTime() - started) / 1e9;
        analyze();
        long lines;
        try (var owner = TestDatabase.get().ownerConnection(); var statement = owner.createStatement();
                var rows = statement.executeQuery("select count(*) from purchase_line")) {
            rows.next();
            lines = rows.getLong(1);
        }
        BenchmarkReport report = new BenchmarkReport("nightly-fleet",
                "The night of %,d shops of %,d customers each (%,d purchase lines in all, generated in %.0f s), each shop's night after the other, on the local PostgreSQL."
                        .formatted(SHOPS, CUSTOMERS, lines, generation));

        BenchmarkReport.resetPeakHeap();
        double first = night(shops, today);
        report.line("first night of every shop (each takes its 25 month-end snapshots): %.0f s, %.0f ms per shop, peak heap %,d MiB",
                first, first * 1000 / shops.size(), BenchmarkReport.peakHeapMiB());
        analyze();
        BenchmarkReport.resetPeakHeap();
        double regular = night(shops, today.plusDays(1));
        report.line("a regular night (today's cells only): %.0f s, %.0f ms per shop, peak heap %,d MiB (target: the whole night ≤ 5 min, heap ≤ 512 MB)",
                regular, regular * 1000 / shops.size(), BenchmarkReport.peakHeapMiB());
        report.write();
    }

    private double night(List<Long> shops, LocalDate businessDate) {
        long started = System.nanoTime();
        for (long shop : shops) {
            if (!nights.run(shop, businessDate)) {
                throw new IllegalStateException("the night of shop " + shop + " did not run");
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Two generators at once, one per core. */
    private List<Long> generate(LocalDate today) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> futures = new ArrayList<>();
        String run = Long.toString(Instant.now().toEpochMilli(), 36);
        for (int n = 0; n < SHOPS; n++) {
            int number = n;
            futures.add(pool.submit(() -> generator.generate(new DemoShopSpec(1_000 + number, CUSTOMERS, today,
                    "fleet-" + run + "-" + number + "@bench.joren.jp", "joren-bench-2026", "夜間処理 " + number + "号店"))));
        }
        List<Long> shops = new ArrayList<>();
        for (Future<Long> future : futures) {
            shops.add(future.get());
        }
        pool.shutdown();
        return shops;
    }

    /** Autovacuum would have analysed the new rows by the night; here it is done at once. */
    private static void analyze() throws Exception {
        try (var owner = TestDatabase.get().ownerConnection(); var statement = owner.createStatement()) {
            statement.execute("analyze");
        }
    }
}
