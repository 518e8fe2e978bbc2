package jp.joren.benchmarks;

import jp.joren.demo.DemoShops;

import jp.joren.support.BenchmarkReport;
import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How long the generator takes, and how much heap it needs, for the demo shop and for the largest shop
 * Joren is designed for (100,000 customers). Run with the benchmarks profile (see README).
 */
@JorenIntegrationTest
class DemoGeneratorBenchmark {

    @Autowired
    DemoShops shops;

    @Test
    void generateTheDemoShopAndTheLargestShop() {
        BenchmarkReport report = new BenchmarkReport("demo-generator",
                "Generating a shop with two years of history (DemoShopGenerator), into the local PostgreSQL.");
        for (int customers : new int[] {1_500, 100_000}) {
            BenchmarkReport.resetPeakHeap();
            long started = System.nanoTime();
            long shop = shops.generate(20261124, customers);
            double seconds = (System.nanoTime() - started) / 1e9;
            report.line("%,d customers: %.1f s, %,d purchases, %,d purchase lines, peak heap %,d MiB", customers, seconds,
                    shops.count(shop, "select count(*) from purchase"),
                    shops.count(shop, "select count(*) from purchase_line"), BenchmarkReport.peakHeapMiB());
        }
        report.write();
    }
}
