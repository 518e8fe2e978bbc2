package jp.joren.benchmarks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jp.joren.demo.DemoShopGenerator;
import jp.joren.demo.DemoShopSpec;
import jp.joren.forecast.Forecasts;
import jp.joren.forecast.RefitSteps;
import jp.joren.nightly.ShopNightlyRun;
import jp.joren.segments.Portfolio;
import jp.joren.support.BenchmarkReport;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The night's forecast on the shop of the portfolio benchmark: 100,000 customers and 1,000,000 purchases
 * (the generated two years, topped up with copies of its purchases three years earlier), step by step, then
 * as the night runs it, after the portfolio. Run with the benchmarks profile (README); target ≤ 20 s.
 */
@JorenIntegrationTest
class ForecastBenchmark {

    private static final int CUSTOMERS = 100_000;
    private static final long PURCHASES = 1_000_000;

    @Autowired
    DemoShopGenerator generator;

    @Autowired
    Portfolio portfolio;

    @Autowired
    Forecasts forecasts;

    @Autowired
    RefitSteps refitSteps;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShopWork shopWork;

    @Autowired
    ShopNightlyRun nightlyRuns;

    @Test
    void nightlyForecastOnTheLargestShop() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        long shop = generator.generate(new DemoShopSpec(20261202, CUSTOMERS, today, "bench-forecast-" + System.nanoTime()
                + "@bench.joren.jp", "joren-bench-2026", "ベンチマーク金物店"));
        topUpTo(shop, PURCHASES);
        TestDatabase.get().asOwner("cluster purchase using purchase_by_date", "vacuum analyze");
        long purchases = shopWork.query(shop, db -> db.sql("select count(*) from purchase").query(Long.class).single());
        BenchmarkReport report = new BenchmarkReport("forecast",
                "The nightly forecast (BG/NBD and Pareto/NBD checked once a week on the shop's held-out half-year, the better one and gamma-gamma fitted every night to the shop's visits, then every customer scored and written) on a shop of %,d customers and %,d purchases, on the local PostgreSQL, the tables vacuumed and analysed."
                        .formatted(CUSTOMERS, purchases));

        shopWork.query(shop, db -> portfolio.classify(today, step -> { }));
        double first = timed(() -> shopWork.query(shop, db -> forecasts.refit(today, step -> { })));
        report.line("first refit (every customer's row inserted; the hold-out check of both models made): %.2f s", first);
        TestDatabase.get().asOwner("vacuum analyze customer_forecast");

        shopWork.query(shop, db -> {
            refitSteps.timeOn(today).forEach(report::line);
            return null;
        });

        List<Double> refits = new ArrayList<>();
        List<Double> nights = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            refits.add(timed(() -> shopWork.query(shop, db -> forecasts.refit(today, step -> { }))));
            nights.add(timed(() -> shopWork.query(shop, db -> {
                portfolio.classify(today, step -> { });
                return forecasts.refit(today, step -> { });
            })));
        }
        Collections.sort(refits);
        Collections.sort(nights);
        report.line("a regular night's refit (the week's hold-out check kept, the chosen model refitted from where the last fit ended): median of 3 runs %.2f s (target ≤ 20 s)", refits.get(1));
        report.line("the night's portfolio and forecast together, as the nightly run does them: median of 3 runs %.2f s",
                nights.get(1));
        // the whole night as the scheduler runs it, on the days after: portfolio, forecast (both models on the
        // hold-out, then the chosen one), reminders queued and today's list made
        List<Double> wholeNights = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            LocalDate night = today.plusDays(day);
            wholeNights.add(timed(() -> {
                if (!nightlyRuns.run(shop, night)) {
                    throw new IllegalStateException("the night of " + night + " did not run");
                }
            }));
        }
        Collections.sort(wholeNights);
        report.line("the regular night all in (ShopNightlyRun: portfolio, forecast, reminders, today's list, statistics), on the 3 days after: median %.2f s, slowest %.2f s (target ≤ 10 s)",
                wholeNights.get(1), wholeNights.get(2));
        LocalDate checkNight = RefitSteps.nextModelCheck(today);
        double weekly = timed(() -> {
            if (!nightlyRuns.run(shop, checkNight)) {
                throw new IllegalStateException("the night of " + checkNight + " did not run");
            }
        });
        report.line("the night of the weekly hold-out check all in (both models fitted to the visits before the held-out half-year as well): %.2f s",
                weekly);
        long heldBack = shopWork.query(shop, db -> db.sql("""
                select count(*) from customer_forecast where probability_active < 0.5 and expected_value_12m > 0
                """).query(Long.class).single());
        report.line("customers with a forecast: %,d, of whom %,d are more likely lost than not",
                shopWork.query(shop, db -> db.sql("select count(*) from customer_forecast").query(Long.class).single()), heldBack);
        report.write();
    }

    /** Copies purchases three years back until the shop has {@code target}; the forecast reads no lines. */
    private void topUpTo(long shop, long target) {
        long missing = target - shopWork.query(shop, db -> db.sql("select count(*) from purchase").query(Long.class).single());
        if (missing > 0) {
            shopWork.query(shop, db -> db.sql("""
                    insert into purchase (tenant_id, customer_id, store_id, staff_id, purchased_at, business_date, channel,
                                          total, status, external_ref)
                    select tenant_id, customer_id, store_id, staff_id, purchased_at - interval '1095 days',
                           business_date - 1095, channel, total, status, 'copy-' || id
                      from purchase
                     order by id
                     limit ?
                    """).param(missing).update());
        }
    }



    private static double timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return seconds(started);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
