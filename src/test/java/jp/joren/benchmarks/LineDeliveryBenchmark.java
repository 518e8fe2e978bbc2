package jp.joren.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jp.joren.line.LineAccounts;
import jp.joren.line.LineConnection;
import jp.joren.line.LineFriends;
import jp.joren.line.LineMessaging;
import jp.joren.reminders.ReminderPolicies;
import jp.joren.reminders.ReminderPolicy;
import jp.joren.reminders.ReminderShop;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.letters.Letters;
import jp.joren.reminders.letters.Wordings;
import jp.joren.reminders.outbox.LineOutboxSender;
import jp.joren.reminders.outbox.OutboxClaims;
import jp.joren.reminders.outbox.OutboxSender;
import jp.joren.reminders.rules.ChannelOrder;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.support.BenchmarkReport;
import jp.joren.support.FakeLine;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestDatabase;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * LINE delivery through the outbox to the fake LINE Messaging API in the test JVM: a night's part reminders
 * of customers who all linked LINE, pushed one by one with each hand-over and each result committed, as in
 * production. Run with the benchmarks profile (README).
 */
@JorenIntegrationTest
class LineDeliveryBenchmark {

    private static final int CUSTOMERS = 3_000;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    jp.joren.line.CouponQrImages couponQr;
    @Autowired
    ReminderShop.Opener opener;
    @Autowired
    ReminderRules rules;
    @Autowired
    ReminderPolicies policies;
    @Autowired
    LineAccounts accounts;
    @Autowired
    LineFriends friends;
    @Autowired
    LineMessaging messaging;
    @Autowired
    OutboxClaims claims;
    @Autowired
    Letters letters;
    @Autowired
    LetterWriter writer;
    @Autowired
    Wordings wordings;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void lineDeliveryToTheFake() {
        LocalDate today = LocalDate.now(TOKYO);
        ReminderShop shop = opener.open("LINEベンチの店", today);
        long tenant = shop.shop.tenantId();
        CurrentTenant.callAs(tenant, () -> accounts.connect(
                new LineConnection("1657999999", "bench-secret", "bench-token", LocalTime.of(10, 0), LocalTime.of(20, 0))));
        shop.enable(ReminderRule.PART_REPLACEMENT, 0);
        shop.inShop(() -> {
            rules.saveChannelOrder(ReminderRule.PART_REPLACEMENT, ChannelOrder.LINE_EMAIL_POSTAL);
            policies.save(new ReminderPolicy(14, 100_000));
            // customers who linked LINE and own the pressure cooker whose gasket is due
            jdbc.sql("""
                            insert into customer (tenant_id, name, email)
                            select app_current_tenant(), '顧客 ' || n, 'bench' || n || '@example.jp' from generate_series(1, ?) n""")
                    .param(CUSTOMERS).update();
            jdbc.sql("""
                            insert into consent (tenant_id, customer_id, channel, purpose, granted, method)
                            select tenant_id, id, 'LINE', 'ADVERTISING', true, 'LINE_LINK' from customer""").update();
            jdbc.sql("""
                            insert into line_friend (tenant_id, customer_id, line_user_id, linked_at)
                            select tenant_id, id, 'Ubench' || id, now() from customer""").update();
            jdbc.sql("""
                            insert into owned_product (tenant_id, customer_id, product_model_id, purchased_on, source)
                            select tenant_id, id, ?, ?, 'STAFF' from customer""")
                    .params(shop.kitchen.cookerModelId(), today.minusDays(700)).update();
            return null;
        });
        TestDatabase.get().asOwner("vacuum analyze");
        shop.night(today);
        int queued = shop.inShop(() -> jdbc.sql("select count(*) from outbox_message where channel = 'LINE' and status = 'QUEUED'")
                .query(Integer.class).single());
        Instant noon = today.atTime(12, 0).atZone(TOKYO).toInstant();
        LineOutboxSender sender = new LineOutboxSender(jdbc, claims, letters, writer, wordings, policies, accounts,
                friends, messaging, couponQr, transactions, Clock.fixed(noon, ZoneOffset.UTC), 600_000);
        int deliveredBefore = FakeLine.get().deliveredCount();

        long started = System.nanoTime();
        int sent = 0;
        while (true) {
            OutboxSender.Delivery delivery = CurrentTenant.callAs(tenant, sender::sendDue);
            if (delivery.sent() == 0) {
                break;
            }
            sent += delivery.sent();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        BenchmarkReport report = new BenchmarkReport("line",
                "LINE delivery of a night's part reminders (%,d customers who linked LINE) through the outbox to the fake LINE Messaging API in the test JVM (JDK HTTP server), on the local PostgreSQL."
                        .formatted(CUSTOMERS));
        report.line("delivery of %,d queued LINE messages (%,d pushed, %,d received by the fake; one push per message, each hand-over and result committed): %.2f s, %.0f messages/s (target ≥ 100/s)",
                queued, sent, FakeLine.get().deliveredCount() - deliveredBefore, seconds, sent / seconds);
        report.write();
    }
}
