package jp.joren.benchmarks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import jp.joren.demo.DemoShopGenerator;
import jp.joren.demo.DemoShopSpec;
import jp.joren.nightly.ShopNightlyRun;
import jp.joren.reminders.TodayList;
import jp.joren.reminders.TodayListMaker;
import jp.joren.support.BenchmarkReport;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.TestDatabase;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Today's list and the dashboard on freshly generated shops, with autovacuum off: the night that makes the
 * list, staff opening it and acting on it through HTTP, and the owner opening the dashboard's default page, as
 * Joren leaves the statistics after its own bulk writes; then the same reads once everything is analysed.
 * The second shop is generated after the first one's ANALYZE, so its rows are new to the statistics (the case
 * that made today's list take 10 s a page). Run with the benchmarks profile (README).
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
    ShopWork shopWork;

    @Test
    void todaysListOnShopsWithoutStatistics() {
        BenchmarkReport report = new BenchmarkReport("today",
                "Today's list (`/today`) and the dashboard's default page (`/dashboard`) on freshly generated shops, on the local PostgreSQL with autovacuum off, through HTTP: first as Joren leaves them (it analyses only the tables its own bulk writes, the generation and the night, changed beyond autovacuum's rule), each shop generated after the database was last analysed; then after a manual `ANALYZE` of everything. The customer list is read the same way at the same time as the machine's own pace (a floor).");
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
        shopWork.inShop(shop, () -> {
            maker.make(today);
            return null;
        });
        double making = (System.nanoTime() - started) / 1e9;
        long listed = shopWork.inShop(shop, () -> jdbc.sql("select count(*) from contact_item").query(Long.class).single());
        report.line("%,d customers: the whole first night %.1f s, of which making today's list (%,d items) %.2f s",
                customers, night, listed, making);

        List<Double> queries = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            int page = i % 2;
            long t = System.nanoTime();
            shopWork.inShop(shop, () -> {
                list.count(null);
                return list.page(null, page, today);
            });
            queries.add((System.nanoTime() - t) / 1e6);
        }
        report.line("%,d customers: the page's two statements alone (a page of 100 and the count), %d reads: median %.1f ms, p95 %.1f ms",
                customers, READS, percentile(queries, 50), percentile(queries, 95));

        WebSession owner = new WebSession(port);
        owner.logIn(email, "joren-bench-2026");
        readPages(report, customers, owner, "as generated and after its first night (no ANALYZE but Joren's own)");
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
        report.line("%,d customers: \"済み\" on `/today` with htmx (the row and the count; the timing includes reading the form first): median %.0f ms",
                customers, percentile(actions, 50));
        String plan = shopWork.inShop(shop, () -> String.join(" / ", jdbc.sql("""
                        explain (costs off)
                        select i.customer_id, cu.name
                          from (select * from contact_item where tenant_id = ? order by priority, rank_days, customer_id,
                                        reason, occasion limit 100) i
                          join lateral (select c.name from customer c
                                         where c.tenant_id = i.tenant_id and c.id = i.customer_id
                                         order by c.tenant_id, c.id limit 1) cu on true""")
                .param(shop).query(String.class).list()).replaceAll("\\s+", " "));
        report.line("%,d customers: the page's plan as generated: `%s`", customers, plan);
        TestDatabase.get().asOwner("analyze");
        WebSession analysed = new WebSession(port);
        analysed.logIn(email, "joren-bench-2026");
        readPages(report, customers, analysed, "after ANALYZE");
    }

    /** {@code /today} and {@code /dashboard}, each read {@value #READS} times, beside the customer list as a floor. */
    private void readPages(BenchmarkReport report, int customers, WebSession owner, String statistics) {
        List<Double> today = reads(owner, i -> "/today" + (i % 2 == 0 ? "" : "?page=1"));
        List<Double> dashboard = reads(owner, i -> "/dashboard");
        List<Double> floor = reads(owner, i -> "/customers?page=" + (i % 2));
        report.line("%,d customers, %s: `/today` (a page of 100 and the count) p50 %.0f ms, p95 %.0f ms; `/dashboard` (its default page, the last complete month) first read %.0f ms, then p50 %.0f ms, p95 %.0f ms; the customer list (a page of 50) p50 %.0f ms, p95 %.0f ms (%d reads each after the first)",
                customers, statistics, percentile(after(today), 50), percentile(after(today), 95), dashboard.get(0),
                percentile(after(dashboard), 50), percentile(after(dashboard), 95), percentile(after(floor), 50),
                percentile(after(floor), 95), READS);
    }

    /** The first read (the warm-up, which may fill a cache) first, then {@value #READS} reads. */
    private static List<Double> reads(WebSession owner, IntFunction<String> path) {
        List<Double> millis = new ArrayList<>();
        long first = System.nanoTime();
        owner.get(path.apply(0));
        millis.add((System.nanoTime() - first) / 1e6);
        for (int i = 0; i < READS; i++) {
            long t = System.nanoTime();
            WebSession.Page page = owner.get(path.apply(i));
            millis.add((System.nanoTime() - t) / 1e6);
            if (page.status() != 200) {
                throw new AssertionError(path.apply(i) + " answered " + page.status());
            }
        }
        return millis;
    }

    private static List<Double> after(List<Double> reads) {
        return reads.subList(1, reads.size());
    }

    private static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
