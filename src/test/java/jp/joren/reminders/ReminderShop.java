package jp.joren.reminders;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.segments.Portfolio;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.CounterFixtures.Kitchen;
import jp.joren.support.ShopWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A kitchenware shop for the reminder tests, with a sender that may send email, and helpers that write its
 * customers, consents and purchases relative to the night's business date {@code today}.
 */
public final class ReminderShop {

    public final TestShop shop;
    public final Kitchen kitchen;
    final LocalDate today;
    private final JdbcClient jdbc;
    private final ShopWork shopWork;
    private final Portfolio portfolio;
    private final ReminderQueue queue;
    private final ReminderRules rules;
    private final TodayListMaker todayList;

    private ReminderShop(TestShop shop, Kitchen kitchen, LocalDate today, JdbcClient jdbc, ShopWork shopWork,
            Portfolio portfolio, ReminderQueue queue, ReminderRules rules, TodayListMaker todayList) {
        this.todayList = todayList;
        this.shop = shop;
        this.kitchen = kitchen;
        this.today = today;
        this.jdbc = jdbc;
        this.shopWork = shopWork;
        this.portfolio = portfolio;
        this.queue = queue;
        this.rules = rules;
        inShop(() -> jdbc.sql("""
                        update shop set sender_name = '台所道具 みなと', sender_postal_address = '東京都港区芝1-2-3',
                                        sender_phone = '03-1234-5678', sender_email = 'shop@minato.example'""")
                .update());
    }

    /** Opens kitchen shops whose sender may send email; the tests' one way to a {@link ReminderShop}. */
    @Component
    public static class Opener {

        private final ShopFixtures shops;
        private final CounterFixtures counter;
        private final JdbcClient jdbc;
        private final ShopWork shopWork;
        private final Portfolio portfolio;
        private final ReminderQueue queue;
        private final ReminderRules rules;
        private final TodayListMaker todayList;

        Opener(ShopFixtures shops, CounterFixtures counter, JdbcClient jdbc, ShopWork shopWork,
                Portfolio portfolio, ReminderQueue queue, ReminderRules rules, TodayListMaker todayList) {
            this.todayList = todayList;
            this.shops = shops;
            this.counter = counter;
            this.jdbc = jdbc;
            this.shopWork = shopWork;
            this.portfolio = portfolio;
            this.queue = queue;
            this.rules = rules;
        }

        public ReminderShop open(String name, LocalDate today) {
            TestShop shop = shops.newShop(name);
            return new ReminderShop(shop, counter.kitchen(shop), today, jdbc, shopWork, portfolio, queue, rules,
                    todayList);
        }
    }

    /** A rule on for long (two years before {@code today}), whose first batch the owner approved long ago. */
    public void enable(ReminderRule rule, int holdoutPercent) {
        RuleSettings defaults = rule.defaults();
        enableLongAgo(new RuleSettings(rule, true, defaults.timingDays(), holdoutPercent, defaults.offer(), null, null));
    }

    public void enableLongAgo(RuleSettings settings) {
        inShop(() -> {
            rules.save(settings, today.minusYears(2));
            rules.firstBatchApproved(settings.rule());
            return null;
        });
    }

    /** The owner turns the rule on (or saves it) on {@code day}, as the rule page does. */
    public void save(RuleSettings settings, LocalDate day) {
        inShop(() -> {
            rules.save(settings, day);
            return null;
        });
    }

    public Map<ReminderRule, Integer> night(LocalDate businessDate) {
        return inShop(() -> {
            portfolio.classify(businessDate, step -> { });
            Map<ReminderRule, Integer> queued = queue.queue(businessDate);
            todayList.make(businessDate);
            return queued;
        });
    }

    /** A customer with advertising consent by email (and an address), by post, or none. */
    public long customer(String name, String email, boolean emailConsent, boolean postalConsent) {
        return inShop(() -> {
            long id = jdbc.sql("""
                            insert into customer (tenant_id, name, email, postal_code, prefecture, city, address_line)
                            values (app_current_tenant(), ?, ?, '105-0014', '東京都', '港区', '芝2-3-4') returning id""")
                    .params(name, email).query(Long.class).single();
            if (emailConsent) {
                consent(id, "EMAIL", true, false);
            }
            if (postalConsent) {
                consent(id, "POSTAL", true, false);
            }
            return id;
        });
    }

    public void consent(long customer, String channel, boolean granted, boolean pending) {
        inShop(() -> jdbc.sql("""
                        insert into consent (tenant_id, customer_id, channel, purpose, granted, pending, method)
                        values (app_current_tenant(), ?, ?, 'ADVERTISING', ?, ?, 'COUNTER')""")
                .params(customer, channel, granted, pending).update());
    }

    /** A completed purchase {@code daysAgo} days before {@code today} of the given products (or the cloth). */
    public long buy(long customer, int daysAgo, long... products) {
        LocalDate day = today.minusDays(daysAgo);
        long[] lines = products.length == 0 ? new long[] {kitchen.clothId()} : products;
        return inShop(() -> {
            long purchase = jdbc.sql("""
                            insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total)
                            values (app_current_tenant(), ?, ?, cast(? as date) + time '10:00', ?, 3000) returning id""")
                    .params(customer, kitchen.storeId(), day, day).query(Long.class).single();
            for (long product : lines) {
                jdbc.sql("""
                                insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price, amount)
                                values (app_current_tenant(), ?, ?, 1, 3000, 3000)""")
                        .params(purchase, product).update();
            }
            return purchase;
        });
    }

    public void owns(long customer, long modelId, int boughtDaysAgo) {
        inShop(() -> jdbc.sql("""
                        insert into owned_product (tenant_id, customer_id, product_model_id, purchased_on, source)
                        values (app_current_tenant(), ?, ?, ?, 'STAFF')""")
                .params(customer, modelId, today.minusDays(boughtDaysAgo)).update());
    }

    /** "RULE occasion STATUS reason channel" of each of the customer's messages, in rule order. */
    public String messages(long customer) {
        return inShop(() -> String.join("; ", jdbc.sql("""
                        select rule || ' ' || occasion || ' ' || status || coalesce(' ' || reason, '') || ' ' || channel
                          from outbox_message where customer_id = ? order by rule, occasion""")
                .param(customer).query(String.class).list()));
    }

    public <T> T inShop(Supplier<T> work) {
        return shopWork.inShop(shop.tenantId(), work);
    }
}
