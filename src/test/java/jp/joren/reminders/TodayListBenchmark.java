package jp.joren.reminders;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jp.joren.demo.DemoShopGenerator;
import jp.joren.demo.DemoShopSpec;
import jp.joren.nightly.ShopNightlyRun;
import jp.joren.support.BenchmarkReport;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Today's list on freshly generated shops whose tables were never analysed (as after a demo start, a load
 * generation or a big import, with autovacuum not yet round): the night that makes it, and staff opening it
 * and acting on it through HTTP. Run with the benchmarks profile (README).
 */
@JorenIntegrationTest
class TodayListBenchmark {

    private static final int READS = 20;

    @LocalServerPort
    int port;
    @Autowired
    DemoShopGenerator generator;
    @Autowired
    ShopNightlyRun nights;
    @Autowired
    TodayListMaker maker;
    @Autowired
    TodayList list;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void todaysListOnShopsWithoutStatistics() {
        BenchmarkReport report = new BenchmarkReport("today",
                "Today's list (`/today`) on freshly generated shops whose tables were never analysed (no ANALYZE, autovacuum off), on the local PostgreSQL, through HTTP.");
        for (String customers : System.getProperty("benchmark.customers", "1500,100000").split(",")) {
            measure(report, Integer.parseInt(customers.strip()));
        }
        report.write();
    }

    private void measure(BenchmarkReport report, int customers) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        String email = "bench-today-" + customers + "-" + System.nanoTime() + "@bench.joren.jp";
        long shop = generator.generate(new DemoShopSpec(20261206, customers, today, email, "joren-bench-2026", "今日の一覧の店"));
        long started = System.nanoTime();
        nights.run(shop, today);
        double night = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        inShop(shop, () -> {
            maker.make(today);
            return null;
        });
        double making = (System.nanoTime() - started) / 1e9;
        long listed = inShop(shop, () -> jdbc.sql("select count(*) from contact_item").query(Long.class).single());
        report.line("%,d customers: the whole first night %.1f s, of which making today's list (%,d items) %.2f s",
                customers, night, listed, making);

        List<Double> queries = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            int page = i % 2;
            long t = System.nanoTime();
            inShop(shop, () -> {
                list.count(null);
                return list.page(null, page, today);
            });
            queries.add((System.nanoTime() - t) / 1e6);
        }
        report.line("%,d customers: the page's two statements alone (a page of 100 and the count), %d reads: median %.1f ms, p95 %.1f ms",
                customers, READS, percentile(queries, 50), percentile(queries, 95));

        WebSession owner = new WebSession(port);
        owner.logIn(email, "joren-bench-2026");
        owner.get("/today");
        List<Double> reads = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            long t = System.nanoTime();
            WebSession.Page page = owner.get("/today" + (i % 2 == 0 ? "" : "?page=1"));
            reads.add((System.nanoTime() - t) / 1e6);
            if (page.status() != 200) {
                throw new AssertionError("/today answered " + page.status());
            }
        }
        // the same reads of another page of the same size, for the machine's own pace while measuring
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            long t = System.nanoTime();
            owner.get("/customers?page=" + (i % 2));
            baseline.add((System.nanoTime() - t) / 1e6);
        }
        List<Double> actions = new ArrayList<>();
        owner.withHeader("HX-Request", "true");
        for (int i = 0; i < 5; i++) {
            String form = owner.get("/today").document().select("tr.today-item:not(.dealt) form").isEmpty() ? null : "tr.today-item:not(.dealt) form";
            if (form == null) {
                break;
            }
            long t = System.nanoTime();
            owner.submit("/today", form, Map.of("outcome", "DONE"));
            actions.add((System.nanoTime() - t) / 1e6);
        }
        report.line("%,d customers: opening `/today` (a page of 100 and the count), %d reads: median %.0f ms, p95 %.0f ms; \"済み\" with htmx (the row and the count; the timing includes reading the form first): median %.0f ms",
                customers, READS, percentile(reads, 50), percentile(reads, 95), percentile(actions, 50));
        report.line("%,d customers: for comparison, the customer list (`/customers`, a page of 50) read the same way at the same time: median %.0f ms, p95 %.0f ms",
                customers, percentile(baseline, 50), percentile(baseline, 95));
        String plan = inShop(shop, () -> String.join(" / ", jdbc.sql("""
                        explain (costs off)
                        select i.customer_id, cu.name
                          from (select * from contact_item where tenant_id = ? order by priority, rank_days, customer_id,
                                        reason, occasion limit 100) i
                          join customer cu on cu.tenant_id = i.tenant_id and cu.id = i.customer_id""")
                .param(shop).query(String.class).list()).replaceAll("\\s+", " "));
        report.line("%,d customers: the page's plan without statistics: `%s`", customers, plan);
    }

    private static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private <T> T inShop(long tenantId, Supplier<T> work) {
        return CurrentTenant.callAs(tenantId, () -> transaction.execute(status -> work.get()));
    }
}
