package jp.joren.benchmarks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jp.joren.demo.DemoShopGenerator;
import jp.joren.demo.DemoShopSpec;
import jp.joren.reminders.ReminderPolicies;
import jp.joren.reminders.ReminderPolicy;
import jp.joren.reminders.ReminderQueue;
import jp.joren.reminders.TodayList;
import jp.joren.reminders.TodayListMaker;
import jp.joren.reminders.outbox.OutboxSender;
import jp.joren.reminders.results.ReminderResults;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.segments.Portfolio;
import jp.joren.support.BenchmarkReport;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.TestDatabase;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reminders of the largest shop (100,000 customers): every rule on, the night's queue generation after
 * the portfolio is classified, and the sender delivering to the in-process SMTP server. Run with the
 * benchmarks profile (README).
 */
@JorenIntegrationTest
class ReminderBenchmark {

    private static final int CUSTOMERS = 100_000;
    private static final int EMAILS = 5_000;

    @Autowired
    DemoShopGenerator generator;
    @Autowired
    Portfolio portfolio;
    @Autowired
    ReminderQueue queue;
    @Autowired
    ReminderRules rules;
    @Autowired
    ReminderPolicies policies;
    @Autowired
    OutboxSender sender;
    @Autowired
    TodayList todayList;
    @Autowired
    TodayListMaker todayListMaker;
    @Autowired
    ReminderResults results;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShopWork shopWork;

    @Test
    void queueGenerationAndDeliveryOnTheLargestShop() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        long shop = generator.generate(new DemoShopSpec(20261203, CUSTOMERS, today,
                "bench-reminders-" + System.nanoTime() + "@bench.joren.jp", "joren-bench-2026", "ベンチマーク金物店"));
        shopWork.inShop(shop, () -> {
            for (RuleSettings defaults : rules.all().values()) {
                ReminderRule rule = defaults.rule();
                // on for long and approved, so the night queues every occasion it finds: the heaviest night
                rules.save(new RuleSettings(rule, true, defaults.timingDays(), defaults.holdoutPercent(), defaults.offer(),
                        null, null), today.minusYears(2));
                rules.firstBatchApproved(rule);
            }
            policies.save(new ReminderPolicy(14, 100_000));
            return null;
        });
        TestDatabase.get().asOwner("vacuum analyze");
        long purchases = shopWork.inShop(shop, () -> jdbc.sql("select count(*) from purchase").query(Long.class).single());
        BenchmarkReport report = new BenchmarkReport("reminders",
                "Reminders of a shop of %,d customers and %,d purchases with every rule on (hold-out 10%%), on the local PostgreSQL; the SMTP server is GreenMail inside the test JVM."
                        .formatted(CUSTOMERS, purchases));

        shopWork.inShop(shop, () -> portfolio.classify(today, step -> { }));
        long started = System.nanoTime();
        Map<ReminderRule, Integer> first = shopWork.inShop(shop, () -> queue.queue(today));
        double firstNight = (System.nanoTime() - started) / 1e9;
        report.line("queue generation, the first night with every rule on (%,d messages queued or held: %s): %.2f s (target ≤ 10 s)",
                first.values().stream().mapToInt(Integer::intValue).sum(), first, firstNight);

        shopWork.inShop(shop, () -> portfolio.classify(today.plusDays(1), step -> { }));
        started = System.nanoTime();
        Map<ReminderRule, Integer> next = shopWork.inShop(shop, () -> queue.queue(today.plusDays(1)));
        double nextNight = (System.nanoTime() - started) / 1e9;
        report.line("queue generation, the next night (%,d new messages): %.2f s", next.values().stream().mapToInt(Integer::intValue).sum(),
                nextNight);

        // what staff read of it: today's list, made by the night, read by every clerk many times a day
        started = System.nanoTime();
        shopWork.inShop(shop, () -> {
            todayListMaker.make(today.plusDays(1));
            return null;
        });
        double making = (System.nanoTime() - started) / 1e9;
        long listed = shopWork.inShop(shop, () -> todayList.count(null).all());
        double todayRead = median(() -> shopWork.inShop(shop, () -> todayList.page(null, 0, today.plusDays(1))));
        report.line("today's list made by the night (%,d items): %.2f s; read by staff (the 100 first): median of 5 reads %.0f ms",
                listed, making, todayRead * 1000);

        // the sender takes what is due; keep EMAILS of the queued emails due, the rest for later
        int due = shopWork.inShop(shop, () -> {
            jdbc.sql("""
                    update outbox_message set due_on = due_on + 3650
                     where status = 'QUEUED' and channel = 'EMAIL'
                       and id not in (select distinct on (customer_id) id from outbox_message
                                       where status = 'QUEUED' and channel = 'EMAIL' order by customer_id, id limit ?)""")
                    .param(EMAILS).update();
            return jdbc.sql("select count(*) from outbox_message where status = 'QUEUED' and channel = 'EMAIL' and due_on <= ?")
                    .param(today.plusDays(1)).query(Integer.class).single();
        });
        started = System.nanoTime();
        int sent = 0;
        while (true) {
            OutboxSender.Delivery delivery = CurrentTenant.callAs(shop, sender::sendDue);
            if (delivery.sent() == 0) {
                break;
            }
            sent += delivery.sent();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.line("delivery of %,d due emails (%,d sent, HTML and text, one SMTP connection per pass, each hand-over committed): %.2f s, %.0f emails/s (target ≥ 50/s)",
                due, sent, seconds, sent / seconds);
        double resultsRead = median(() -> shopWork.inShop(shop, () -> results.since(today.minusMonths(6), 30)));
        report.line("\"did it work?\" over the messages sent and held out (every rule, 30 days after each): median of 5 reads %.0f ms",
                resultsRead * 1000);
        report.write();
    }

    private static double median(Runnable read) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            read.run();
            seconds.add((System.nanoTime() - started) / 1e9);
        }
        Collections.sort(seconds);
        return seconds.get(2);
    }
}
