package jp.joren.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.BenchmarkReport;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Importing 100,000 customer rows through the owner's pages (upload, check every row, import), and
 * importing the same file a second time (every row matches an existing customer). Run with the benchmarks
 * profile (README).
 */
@JorenIntegrationTest
class ImportBenchmark {

    private static final int ROWS = 100_000;

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void importOneHundredThousandCustomers() {
        TestShop shop = shops.newShop("取り込みベンチマーク店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        byte[] file = file();
        BenchmarkReport report = new BenchmarkReport("import", ("Importing a CSV file of %,d customer rows (%,d KB, UTF-8, "
                + "with phone, email, address, birthday and both consents) through HTTP into the local PostgreSQL.")
                .formatted(ROWS, file.length / 1024));
        for (String round : new String[] {"first import (all new)", "same file again (all matched, updated)"}) {
            BenchmarkReport.resetPeakHeap();
            long started = System.nanoTime();
            WebSession.Page uploaded = owner.upload("/imports", Map.of("_csrf", owner.csrfToken("/imports"),
                    "kind", "CUSTOMERS"), "file", "customers.csv", file);
            String job = uploaded.path();
            double uploadSeconds = seconds(started);
            long checkStarted = System.nanoTime();
            Map<String, String> mapping = new HashMap<>();
            owner.get(job).document().select("form.mapping select").forEach(select -> mapping.put(select.attr("name"),
                    select.selectFirst("option[selected]") == null ? "" : select.selectFirst("option[selected]").val()));
            owner.submit(job, "form.mapping", mapping);
            double checkSeconds = seconds(checkStarted);
            long runStarted = System.nanoTime();
            owner.post(job + "/run", Map.of("_csrf", owner.csrfToken(job), "goodRowsOnly", "false"));
            String result = await().forever().pollDelay(Duration.ofMillis(250)).pollInterval(Duration.ofMillis(250))
                    .until(() -> owner.get(job).document().select("#import-done, #import-failed").text(), done -> !done.isEmpty());
            double runSeconds = seconds(runStarted);
            report.line("%s: upload %.1f s, check of every row %.1f s, import %.1f s, total %.1f s (%,.0f rows/s), "
                            + "peak heap %,d MiB — %s", round, uploadSeconds, checkSeconds, runSeconds, seconds(started),
                    ROWS / seconds(started), BenchmarkReport.peakHeapMiB(), result);
        }
        long customers = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                jdbc.sql("select count(*) from customer").query(Long.class).single()));
        report.line("customers in the shop afterwards: %,d", customers);
        report.write();
    }

    private static byte[] file() {
        StringBuilder csv = new StringBuilder("会員番号,氏名,フリガナ,電話番号,メールアドレス,郵便番号,都道府県,市区町村,町名,誕生日,メール配信,DM可否\r\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("B").append(i).append(",山田 太郎").append(i).append(",ヤマダ タロウ,090-")
                    .append(String.format("%04d-%04d", i / 10_000, i % 10_000)).append(",taro").append(i)
                    .append("@example.jp,150-0001,東京都,渋谷区,神宮前").append(i % 6 + 1).append("丁目,")
                    .append(1950 + i % 50).append("/").append(i % 12 + 1).append("/").append(i % 28 + 1)
                    .append(",").append(i % 3 == 0 ? "可" : "不可").append(",").append(i % 2 == 0 ? "○" : "×").append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
