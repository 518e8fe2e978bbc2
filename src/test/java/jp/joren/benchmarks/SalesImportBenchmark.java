package jp.joren.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jp.joren.segments.Portfolio;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.BenchmarkReport;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sales export of 1,000,000 receipt lines in one file (UCI Online Retail's columns, 4,000 customers, 4,000
 * products, about 20 lines a receipt, one receipt in ten a walk-in's, one line in a hundred a cancellation,
 * prices in pounds converted at 180 yen) through the owner's pages: upload, check, import. The app runs in the
 * benchmark's JVM, so the peak heap is the whole app's; run it with {@code -Dbenchmark.heap=512m}. The file
 * is written to disk and streamed to the upload, so the benchmark holds no copy of it. The upload limit is
 * raised to 120 MB here (production: 50 MB): a million lines are about 60 MB.
 */
@JorenIntegrationTest
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=120MB",
        "spring.servlet.multipart.max-request-size=120MB"})
class SalesImportBenchmark {

    private static final int LINES = Integer.getInteger("benchmark.salesLines", 1_000_000);
    private static final int CUSTOMERS = 4_000;
    private static final int PRODUCTS = 4_000;
    private static final int LINES_PER_RECEIPT = 20;

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ShopWork shopWork;

    @Autowired
    Portfolio portfolio;

    @Test
    void importAMillionReceiptLinesInOneFile() throws IOException {
        TestShop shop = shops.newShop("売上データ ベンチマーク店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        Path file = Files.createTempFile("online-retail", ".csv");
        try {
            int cancellations = write(file);
            BenchmarkReport report = new BenchmarkReport("sales-import", ("Importing a sales export of %,d receipt lines "
                    + "(%,d KB, UTF-8, UCI Online Retail's columns: %,d customers, %,d products, about %d lines a receipt, "
                    + "one receipt in ten a walk-in's, %,d cancellation lines, prices in pounds at 180 yen) in one file "
                    + "through HTTP into the local PostgreSQL (autovacuum off). The app runs in the benchmark's JVM: the "
                    + "peak heap is the whole app's, with the test's HTTP client.")
                    .formatted(LINES, Files.size(file) / 1024, CUSTOMERS, PRODUCTS, LINES_PER_RECEIPT, cancellations));
            BenchmarkReport.resetPeakHeap();
            HeapSampler heap = HeapSampler.start();
            long started = System.nanoTime();
            String job = upload(owner, file, "180");
            double upload = seconds(started);
            long checkStarted = System.nanoTime();
            Map<String, String> mapping = new HashMap<>();
            owner.get(job).document().select("form.mapping select").forEach(select -> mapping.put(select.attr("name"),
                    select.selectFirst("option[selected]") == null ? "" : select.selectFirst("option[selected]").val()));
            owner.submit(job, "form.mapping", mapping);
            double check = seconds(checkStarted);
            String warnings = String.join(" / ", owner.get(job).document().select("#sales-warnings li").eachText());
            long runStarted = System.nanoTime();
            owner.post(job + "/run", Map.of("_csrf", owner.csrfToken(job), "goodRowsOnly", "false"));
            String result = importResult(owner, job);
            double run = seconds(runStarted);
            report.line("upload %.1f s, check of every line %.1f s (%,.0f lines/s), import %.1f s (%,.0f lines/s); "
                            + "check and import together %,.0f lines/s; total %.1f s", upload, check, LINES / check, run,
                    LINES / run, LINES / (check + run), seconds(started));
            report.line("heap in use at most %,d MiB of %,d MiB (sampled every 50 ms; the sum of the heap pools' own "
                            + "peaks, each at its own moment, was %,d MiB)", heap.stop(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), BenchmarkReport.peakHeapMiB());
            report.line("check: %s", warnings);
            report.line("result: %s — %s", result,
                    String.join(" / ", owner.get(job).document().select("#import-outcome li").eachText()));
            String counted = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                    jdbc.sql("""
                            select format('%s receipts, %s lines, %s customers, %s products, month ends stale since %s',
                                          (select count(*) from purchase where tenant_id = :shop),
                                          (select count(*) from purchase_line where tenant_id = :shop),
                                          (select count(*) from customer where tenant_id = :shop),
                                          (select count(*) from product where tenant_id = :shop),
                                          (select since from portfolio_stale where tenant_id = :shop))
                            """).param("shop", shop.tenantId()).query(String.class).single()));
            report.line("in the shop afterwards: %s", counted);
            report.write();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Issue 14: a generated export of 400,000 lines with 4,000 customers imported in one file, then the night;
     * against a shop whose first night saw October only and whose history came after it, then its next night.
     * Their month ends (every cell and movement of every month) must be the same.
     */
    @Test
    void historyImportedAfterTheFirstNightGivesTheMonthEndsOfAShopThatHadItBefore() throws IOException {
        int lines = Integer.getInteger("benchmark.historyLines", 400_000);
        LocalDate today = LocalDate.of(2026, 11, 2);
        Path full = Files.createTempFile("journal", ".csv");
        Path october = Files.createTempFile("october", ".csv");
        try {
            journal(full, october, lines, 4_000);
            BenchmarkReport report = new BenchmarkReport("sales-import-month-ends", ("A generated POS journal of %,d lines "
                    + "(2025-01 to 2026-10, 4,000 customers, 4 lines a receipt, one receipt in ten a walk-in's) imported "
                    + "in one file before a shop's first night, and after another shop's first night (which saw October "
                    + "only); then each shop's month ends compared, every cell and movement of every month.")
                    .formatted(lines));
            TestShop timely = shops.newShop("履歴が先にあった店");
            WebSession timelyOwner = owner(timely);
            long started = System.nanoTime();
            String result = importFile(timelyOwner, full, "");
            double importing = seconds(started);
            long nightStarted = System.nanoTime();
            shopWork.inShop(timely.tenantId(), () -> portfolio.classify(today, step -> { }));
            report.line("history before the first night: upload, check and import %.1f s (%,.0f lines/s) — %s; the night %.1f s",
                    importing, lines / importing, result, seconds(nightStarted));

            TestShop late = shops.newShop("履歴が後から来た店");
            WebSession lateOwner = owner(late);
            importFile(lateOwner, october, "");
            shopWork.inShop(late.tenantId(), () -> portfolio.classify(today, step -> { }));
            started = System.nanoTime();
            result = importFile(lateOwner, full, "");
            importing = seconds(started);
            String stale = shopWork.inShop(late.tenantId(), () -> jdbc.sql("select since::text from portfolio_stale where tenant_id = :shop")
                    .param("shop", late.tenantId()).query(String.class).single());
            nightStarted = System.nanoTime();
            shopWork.inShop(late.tenantId(), () -> portfolio.classify(today, step -> { }));
            report.line("history after the first night: upload, check and import %.1f s (%,.0f lines/s) — %s; month ends marked stale "
                    + "since %s; the next night %.1f s", importing, lines / importing, result, stale, seconds(nightStarted));

            List<String> before = monthEnds(timely);
            List<String> after = monthEnds(late);
            report.line("month ends compared: %,d cells and movements; %s", before.size(),
                    before.equals(after) ? "all equal" : "DIFFERENT");
            String dashboard = "/dashboard?period=MONTH&at=2026-10-01";
            List<String> figures = timelyOwner.get(dashboard).document().select("main strong").eachText();
            report.line("October's dashboard figures: %s", figures.equals(
                    lateOwner.get(dashboard).document().select("main strong").eachText()) ? "all equal" : "DIFFERENT");
            report.write();
            assertThat(after).isEqualTo(before);
        } finally {
            Files.deleteIfExists(full);
            Files.deleteIfExists(october);
        }
    }

    private WebSession owner(TestShop shop) {
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        return owner;
    }

    /** Upload, check, import; the result line. */
    private static String importFile(WebSession owner, Path file, String currencyFactor) throws IOException {
        String job = upload(owner, file, currencyFactor);
        Map<String, String> mapping = new HashMap<>();
        owner.get(job).document().select("form.mapping select").forEach(select -> mapping.put(select.attr("name"),
                select.selectFirst("option[selected]") == null ? "" : select.selectFirst("option[selected]").val()));
        owner.submit(job, "form.mapping", mapping);
        owner.post(job + "/run", Map.of("_csrf", owner.csrfToken(job), "goodRowsOnly", "true"));
        return importResult(owner, job);
    }

    /** Every month end's cells and movements, as the dashboard reads them. */
    private List<String> monthEnds(TestShop shop) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        select c.month || ' ' || c.segment || ' ' || c.lapsed || ' ' || c.customers || ' ' || c.amount
                          from portfolio_month_cell c where c.tenant_id = :shop
                        union all
                        select m.month || ' ' || coalesce(m.from_segment, '-') || ' ' || coalesce(m.from_lapsed::text, '-')
                               || ' > ' || m.to_segment || ' ' || m.to_lapsed || ' ' || m.customers
                          from portfolio_movement m where m.tenant_id = :shop
                         order by 1
                        """).param("shop", shop.tenantId()).query(String.class).list());
    }

    /** A journal of 2025 and 2026 to October, and its October alone. */
    private static void journal(Path full, Path october, int lines, int customers) {
        Random random = new Random(14);
        LocalDate first = LocalDate.of(2025, 1, 1);
        int days = (int) ChronoUnit.DAYS.between(first, LocalDate.of(2026, 10, 31)) + 1;
        String header = "レシート番号,取引日時,会員番号,会員名,商品コード,商品名,数量,単価\n";
        try (Writer all = Files.newBufferedWriter(full, StandardCharsets.UTF_8);
             Writer last = Files.newBufferedWriter(october, StandardCharsets.UTF_8)) {
            all.write(header);
            last.write(header);
            for (int receipt = 0; receipt < lines / 4; receipt++) {
                LocalDate day = first.plusDays((long) receipt * days / (lines / 4));
                int customer = random.nextInt(customers * 10 / 9 + 1);
                String who = customer >= customers ? ",,," : ",M" + customer + ",顧客 " + customer + ",";
                for (int line = 0; line < 4; line++) {
                    int product = random.nextInt(400);
                    String row = "R" + receipt + "," + day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth()
                            + " 11:" + (10 + line) + who + "P " + product + ",品物 " + product + ","
                            + (1 + random.nextInt(3)) + "," + (100 + product * 10) + "\n";
                    all.write(row);
                    if (day.getYear() == 2026 && day.getMonthValue() == 10) {
                        last.write(row);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the export; returns how many cancellation lines it holds. */
    private static int write(Path file) {
        Random random = new Random(2010);
        LocalDateTime first = LocalDateTime.of(2010, 12, 1, 8, 0);
        int receipts = LINES / LINES_PER_RECEIPT;
        int cancellations = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
            int line = 0;
            for (int receipt = 0; receipt < receipts; receipt++) {
                // a year of trading, in order, as the export lists it
                LocalDateTime at = first.plusMinutes((long) receipt * 365 * 24 * 60 / receipts);
                boolean cancelled = random.nextInt(100) == 0;
                String number = (cancelled ? "C" : "") + (536365 + receipt);
                String customer = random.nextInt(10) == 0 ? "" : Integer.toString(12346 + random.nextInt(CUSTOMERS));
                String date = at.getMonthValue() + "/" + at.getDayOfMonth() + "/" + at.getYear() + " " + at.getHour() + ":"
                        + String.format("%02d", at.getMinute());
                for (int i = 0; i < LINES_PER_RECEIPT && line < LINES; i++, line++) {
                    int product = random.nextInt(PRODUCTS);
                    String code = product % 100 == 0 ? "BANK CHARGES " + product : Integer.toString(20000 + product);
                    int quantity = (1 + random.nextInt(12)) * (cancelled ? -1 : 1);
                    cancellations += cancelled ? 1 : 0;
                    out.write(number + "," + code + ",ITEM " + product + "," + quantity + "," + date + ","
                            + (product % 50) + "." + String.format("%02d", product % 100) + "," + customer + ",UK\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cancellations;
    }

    /** The upload form, with the file streamed from disk. */
    private static String upload(WebSession owner, Path file, String currencyFactor) throws IOException {
        String boundary = "----joren" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        Map.of("_csrf", owner.csrfToken("/imports"), "kind", "SALES", "currencyFactor", currencyFactor).forEach((name, value) ->
                head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                        .append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; ")
                .append("filename=\"Online Retail.csv\"\r\nContent-Type: text/csv\r\n\r\n");
        WebSession.Page uploaded = owner.send(HttpRequest.newBuilder(URI.create(owner.url("/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))));
        if (uploaded.status() != 302 || !uploaded.path().matches("/imports/\\d+")) {
            throw new IllegalStateException("upload refused: " + uploaded.status() + " " + uploaded.path());
        }
        return uploaded.path();
    }

    /** The most heap in use at once, sampled while the import runs. */
    private static final class HeapSampler implements Runnable {

        private final java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        private volatile boolean running = true;
        private volatile long peak;
        private Thread thread;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread = new Thread(sampler, "heap-sampler");
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() {
            running = false;
            thread.interrupt();
            return peak / (1024 * 1024);
        }
    }

    /** What the import's page says once it has finished, however long it takes (looked at once a second). */
    private static String importResult(WebSession owner, String job) {
        return await().forever().pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> owner.get(job).document().select("#import-done, #import-failed").text(), done -> !done.isEmpty());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
