package jp.joren.reminders;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The night's reminder rules of DESIGN.md §6 at their boundaries, their guards, and exit on purchase. */
@JorenIntegrationTest
class ReminderQueueTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReminderRules rules;
    @Autowired
    Coupons coupons;
    @Autowired
    PurchaseExits exits;

    @Autowired
    ReminderShop.Opener opener;

    private ReminderShop shop;

    @BeforeEach
    void kitchenShop() {
        shop = opener.open("お知らせの店", TODAY);
    }

    @Test
    void eachRuleQueuesFromItsDayAndNotTheDayBefore() {
        for (ReminderRule rule : ReminderRule.values()) {
            if (rule.isRule()) {
                shop.enable(rule, 0);
            }
        }
        long gasketDueInLeadDays = reachable("パッキン交換30日前");
        shop.owns(gasketDueInLeadDays, shop.kitchen.cookerModelId(), 700);
        long gasketDueLater = reachable("パッキン交換31日前");
        shop.owns(gasketDueLater, shop.kitchen.cookerModelId(), 699);
        long gasketReplaced = reachable("パッキン交換済み");
        shop.owns(gasketReplaced, shop.kitchen.cookerModelId(), 760);
        shop.buy(gasketReplaced, 20, shop.kitchen.gasketId());
        long filterDue = reachable("フィルター5日前");
        shop.buy(filterDue, 85, shop.kitchen.filterId());
        long filterLater = reachable("フィルター6日前");
        shop.buy(filterLater, 84, shop.kitchen.filterId());
        long firstVisit6 = visits("初来店6日", 6);
        long firstVisit7 = visits("初来店7日", 7);
        long firstVisit29 = visits("初来店29日", 29);
        long firstVisit30 = visits("初来店30日", 30);
        long every20Away35 = visits("20日ごと 35日目", 95, 75, 55, 35);
        long every20Away34 = visits("20日ごと 34日目", 94, 74, 54, 34);
        long away90 = visits("90日ぶり", 150, 130, 110, 90);
        long away89 = visits("89日ぶり", 149, 129, 109, 89);
        long away180 = visits("180日ぶり", 240, 220, 200, 180);
        long away365 = visits("365日ぶり", 425, 405, 385, 365);
        long away395 = visits("395日ぶり", 455, 435, 415, 395);
        // 優良: ¥30,000 over 225 days, above the shop's threshold of ¥20,000 and the 210 days of tenure
        long loyal = visits("優良", IntStream.rangeClosed(1, 10).map(i -> i * 25).toArray());
        shop.inShop(() -> jdbc.sql("insert into portfolio_policy (tenant_id, amount_threshold) values (app_current_tenant(), 20000)")
                .update());

        shop.night(TODAY);

        assertThat(shop.messages(gasketDueInLeadDays))
                .isEqualTo("PART_REPLACEMENT " + TODAY.plusDays(30) + " QUEUED EMAIL");
        assertThat(shop.messages(gasketDueLater)).isEmpty();
        assertThat(shop.messages(gasketReplaced)).isEqualTo("SECOND_VISIT DAY_7 QUEUED EMAIL");
        assertThat(shop.messages(filterDue)).isEqualTo(
                "CONSUMABLE_REPURCHASE " + TODAY.minusDays(85) + " QUEUED EMAIL; SECOND_VISIT DAY_30 QUEUED EMAIL");
        assertThat(shop.messages(filterLater)).isEqualTo("SECOND_VISIT DAY_30 QUEUED EMAIL");
        assertThat(shop.messages(firstVisit6)).isEmpty();
        assertThat(shop.messages(firstVisit7)).isEqualTo("SECOND_VISIT DAY_7 QUEUED EMAIL");
        assertThat(shop.messages(firstVisit29)).isEqualTo("SECOND_VISIT DAY_7 QUEUED EMAIL");
        assertThat(shop.messages(firstVisit30)).isEqualTo("SECOND_VISIT DAY_30 QUEUED EMAIL");
        assertThat(shop.messages(every20Away35)).isEqualTo("EARLY_LAPSE AWAY_SINCE_" + TODAY.minusDays(35) + " QUEUED EMAIL");
        assertThat(shop.messages(every20Away34)).isEmpty();
        assertThat(shop.messages(away90)).isEqualTo("WIN_BACK AWAY_SINCE_" + TODAY.minusDays(90) + " QUEUED EMAIL");
        assertThat(shop.messages(away89)).isEqualTo("EARLY_LAPSE AWAY_SINCE_" + TODAY.minusDays(89) + " QUEUED EMAIL");
        assertThat(shop.messages(away180)).isEqualTo("LAST_CALL AWAY_SINCE_" + TODAY.minusDays(180) + "_180 QUEUED EMAIL");
        assertThat(shop.messages(away365)).isEqualTo("LAST_CALL AWAY_SINCE_" + TODAY.minusDays(365) + "_365 QUEUED EMAIL");
        assertThat(shop.messages(away395)).isEmpty();
        assertThat(shop.messages(loyal)).isEqualTo("TOP_THANKS 2026 QUEUED EMAIL");
    }

    @Test
    void turningARuleOnQueuesOnlyTheOccasionsFromThatDayAndNoneOfTheSixtyPastOnes() {
        // a customer every 20 days, away 91 to 150 days: sixty win-backs that fell due in the last two months
        List<Long> past = IntStream.rangeClosed(91, 150)
                .mapToObj(away -> visits("過去 " + away + "日", away + 60, away + 40, away + 20, away)).toList();
        long dueToday = visits("きょう90日", 150, 130, 110, 90);
        long dueTomorrow = visits("あす90日", 149, 129, 109, 89);
        RuleSettings winBack = ReminderRule.WIN_BACK.defaults();
        shop.save(new RuleSettings(ReminderRule.WIN_BACK, true, 90, 0, winBack.offer(), null, null), TODAY);

        shop.night(TODAY);
        shop.night(TODAY.plusDays(1));

        assertThat(past).allSatisfy(customer -> assertThat(shop.messages(customer)).isEmpty());
        assertThat(shop.messages(dueToday))
                .isEqualTo("WIN_BACK AWAY_SINCE_" + TODAY.minusDays(90) + " AWAITING_APPROVAL EMAIL");
        assertThat(shop.messages(dueTomorrow))
                .isEqualTo("WIN_BACK AWAY_SINCE_" + TODAY.minusDays(89) + " AWAITING_APPROVAL EMAIL");
    }

    @Test
    void changingARulesTimingStartsItAgainFromThatDay() {
        shop.enable(ReminderRule.WIN_BACK, 0);
        long away60 = visits("60日ぶり", 120, 100, 80, 60);
        long away75 = visits("75日ぶり", 135, 115, 95, 75);
        RuleSettings winBack = shop.inShop(() -> rules.get(ReminderRule.WIN_BACK));

        shop.save(new RuleSettings(ReminderRule.WIN_BACK, true, 60, 0, winBack.offer(), null, null), TODAY);
        shop.night(TODAY);

        // the owner approved the rule's first night long ago: the new timing needs no approval again
        assertThat(shop.messages(away60)).isEqualTo("WIN_BACK AWAY_SINCE_" + TODAY.minusDays(60) + " QUEUED EMAIL");
        assertThat(shop.messages(away75)).isEmpty();
    }

    @Test
    void theEarlyLapseStartsOnTheDayItsGraceRanOut() {
        long graceEndsToday = visits("20日ごと 35日目", 95, 75, 55, 35);
        long graceEndedYesterday = visits("20日ごと 36日目", 96, 76, 56, 36);
        shop.save(new RuleSettings(ReminderRule.EARLY_LAPSE, true, 15, 0, null, null, null), TODAY);

        shop.night(TODAY);

        assertThat(shop.messages(graceEndsToday))
                .isEqualTo("EARLY_LAPSE AWAY_SINCE_" + TODAY.minusDays(35) + " AWAITING_APPROVAL EMAIL");
        assertThat(shop.messages(graceEndedYesterday)).isEmpty();
    }

    @Test
    void theBirthdayGreetingGoesFromItsDayBeforeUntilTheBirthdayAndOnlyWithConsent() {
        shop.enableLongAgo(new RuleSettings(ReminderRule.BIRTHDAY, true, 1, 0, null, null, null));
        long tomorrow = born("あす誕生日", LocalDate.of(1980, 6, 2), true);
        long inTwoDays = born("あさって誕生日", LocalDate.of(1980, 6, 3), true);
        long today = born("きょう誕生日", LocalDate.of(1990, 6, 1), true);
        long yesterday = born("きのう誕生日", LocalDate.of(1990, 5, 31), true);
        long noConsent = born("同意なし", LocalDate.of(1980, 6, 2), false);
        long unknown = reachable("誕生日なし");

        shop.night(TODAY);

        assertThat(shop.messages(tomorrow)).isEqualTo("BIRTHDAY 2026 QUEUED EMAIL");
        assertThat(shop.messages(inTwoDays)).isEmpty();
        assertThat(shop.messages(today)).isEqualTo("BIRTHDAY 2026 QUEUED EMAIL");
        assertThat(shop.messages(yesterday)).isEmpty();
        assertThat(shop.messages(noConsent)).isEqualTo("BIRTHDAY 2026 HELD NO_CONSENT POSTAL");
        assertThat(shop.messages(unknown)).isEmpty();
        // once a birthday: the next night queues nothing more for the same one
        shop.night(TODAY.plusDays(1));
        assertThat(shop.messages(tomorrow)).isEqualTo("BIRTHDAY 2026 QUEUED EMAIL");
    }

    @Test
    void aBirthdayOnThe29thOfFebruaryIsThe28thInOtherYears() {
        shop.enableLongAgo(new RuleSettings(ReminderRule.BIRTHDAY, true, 7, 0, null, null, null));
        long leapling = born("うるう年生まれ", LocalDate.of(2000, 2, 29), true);

        shop.night(LocalDate.of(2027, 2, 20));
        assertThat(shop.messages(leapling)).isEmpty();
        shop.night(LocalDate.of(2027, 2, 21));
        assertThat(shop.messages(leapling)).isEqualTo("BIRTHDAY 2027 QUEUED EMAIL");
        // a leap year has the day itself
        shop.night(LocalDate.of(2028, 2, 21));
        assertThat(shop.messages(leapling)).isEqualTo("BIRTHDAY 2027 QUEUED EMAIL");
        shop.night(LocalDate.of(2028, 2, 22));
        assertThat(shop.messages(leapling)).isEqualTo("BIRTHDAY 2027 QUEUED EMAIL; BIRTHDAY 2028 QUEUED EMAIL");
    }

    @Test
    void theEarlyLapseCanBeTimedByTheForecastAndFallsBackToTheGraceWithoutOne() {
        shop.enableLongAgo(new RuleSettings(ReminderRule.EARLY_LAPSE, true, 15, 0, null, null, null, 50));
        long slipping = visits("確率30%", 95, 75, 55, 25);
        long stillHere = visits("確率70%", 95, 75, 55, 25);
        long noForecast = visits("予測なし 35日目", 95, 75, 55, 35);
        long noForecastYet = visits("予測なし 34日目", 95, 75, 55, 34);
        shop.inShop(() -> jdbc.sql("""
                        insert into customer_forecast (tenant_id, customer_id, probability_active, expected_visits_90d,
                                                       expected_visits_12m, expected_next_visit_on, expected_value_12m)
                        values (app_current_tenant(), ?, 0.3, 1, 4, ?, 12000), (app_current_tenant(), ?, 0.7, 2, 8, ?, 24000)""")
                .params(slipping, TODAY, stillHere, TODAY).update());

        shop.night(TODAY);

        // 25 days away is within the usual 20 + 15: only the forecast says the first is slipping away
        assertThat(shop.messages(slipping)).isEqualTo("EARLY_LAPSE AWAY_SINCE_" + TODAY.minusDays(25) + " QUEUED EMAIL");
        assertThat(shop.messages(stillHere)).isEmpty();
        assertThat(shop.messages(noForecast)).isEqualTo("EARLY_LAPSE AWAY_SINCE_" + TODAY.minusDays(35) + " QUEUED EMAIL");
        assertThat(shop.messages(noForecastYet)).isEmpty();
    }

    @Test
    void theWinBackCouponIsTheCustomersOwnWithTheRulesOffer() {
        shop.enable(ReminderRule.WIN_BACK, 0);
        long away = visits("お戻り", 150, 130, 110, 90);

        shop.night(TODAY);

        String coupon = shop.inShop(() -> jdbc.sql("""
                        select c.code || ' ' || c.customer_id || ' ' || c.kind || ' ' || c.value || ' ' || c.cap || ' '
                               || c.valid_from || '..' || c.valid_until
                          from outbox_message m join coupon c on c.tenant_id = m.tenant_id and c.id = m.coupon_id where m.customer_id = ?""")
                .param(away).query(String.class).single());
        assertThat(coupon).matches("[34679ACDEFGHJKMNPQRTUVWXY]{10} " + away + " PERCENT 50 3000 " + TODAY + "\\.\\." + TODAY.plusDays(30));

        // read out at the counter: in lower case, full-width, with its dash, it is found; with one typo it is not
        String code = coupon.substring(0, 10);
        String typed = (code.substring(0, 5) + "－" + code.substring(5)).toLowerCase();
        assertThat(shop.inShop(() -> coupons.find(typed)).map(Coupons.Coupon::code)).contains(code);
        char wrong = code.charAt(3) == 'A' ? 'C' : 'A';
        String typo = code.substring(0, 3) + wrong + code.substring(4);
        assertThat(shop.inShop(() -> coupons.find(typo))).isEmpty();
    }

    @Test
    void aNightRunTwiceQueuesEachReminderOnce() {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        long first = visits("一度だけ", 10);

        shop.night(TODAY);
        shop.night(TODAY);
        shop.night(TODAY.plusDays(1));

        assertThat(shop.messages(first)).isEqualTo("SECOND_VISIT DAY_7 QUEUED EMAIL");
    }

    @Test
    void eachGuardHoldsTheMessageBackWithItsReason() {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        shop.enable(ReminderRule.PART_REPLACEMENT, 0);
        long postalOnly = shop.customer("郵送だけ", "postal@example.jp", false, true);
        shop.buy(postalOnly, 7);
        long noConsent = shop.customer("同意なし", "none@example.jp", false, false);
        shop.buy(noConsent, 7);
        long pending = shop.customer("確認待ち", "pending@example.jp", false, false);
        shop.consent(pending, "EMAIL", true, true);
        shop.buy(pending, 7);
        long withdrawn = shop.customer("撤回", "withdrawn@example.jp", true, false);
        shop.consent(withdrawn, "EMAIL", false, false);
        shop.buy(withdrawn, 7);
        long unsubscribed = shop.customer("配信停止", "Stop@Example.jp", true, false);
        shop.inShop(() -> jdbc.sql("""
                insert into email_suppression (tenant_id, address_hash)
                values (app_current_tenant(), encode(sha256(convert_to('stop@example.jp', 'UTF8')), 'hex'))""").update());
        shop.buy(unsubscribed, 7);
        long sensitivePart = reachable("要配慮の部品");
        shop.owns(sensitivePart, shop.kitchen.cookerModelId(), 700);
        shop.inShop(() -> jdbc.sql("update product set sensitive = true where id = ?").param(shop.kitchen.gasketId()).update());

        shop.night(TODAY);

        assertThat(shop.messages(postalOnly)).isEqualTo("SECOND_VISIT DAY_7 QUEUED POSTAL");
        assertThat(shop.messages(noConsent)).isEqualTo("SECOND_VISIT DAY_7 HELD NO_CONSENT POSTAL");
        // a double opt-in not yet confirmed is no consent
        assertThat(shop.messages(pending)).isEqualTo("SECOND_VISIT DAY_7 HELD NO_CONSENT POSTAL");
        assertThat(shop.messages(withdrawn)).isEqualTo("SECOND_VISIT DAY_7 HELD NO_CONSENT POSTAL");
        assertThat(shop.messages(unsubscribed)).isEqualTo("SECOND_VISIT DAY_7 HELD UNSUBSCRIBED POSTAL");
        // a sensitive product is never named, so there is nothing to remind of
        assertThat(shop.messages(sensitivePart)).isEmpty();
    }

    @Test
    void theHoldOutGroupIsAboutItsShareAndTheSameCustomersNightAfterNight() {
        shop.enable(ReminderRule.SECOND_VISIT, 50);
        List<Long> newcomers = IntStream.range(0, 60).mapToObj(i -> visits("新規" + i, 7)).toList();

        shop.night(TODAY);
        List<Long> heldOnDay7 = heldOut("DAY_7");
        shop.night(TODAY.plusDays(23));
        List<Long> heldOnDay30 = heldOut("DAY_30");

        assertThat(heldOnDay7).hasSizeBetween(15, 45);
        assertThat(heldOnDay30).isEqualTo(heldOnDay7);
        assertThat(newcomers).containsAll(heldOnDay7);
    }

    @Test
    void aPurchaseWithdrawsTheRemindersItAnswersAndOnlyThose() {
        shop.enable(ReminderRule.PART_REPLACEMENT, 0);
        shop.enable(ReminderRule.WIN_BACK, 0);
        long owner = reachable("パッキンの人");
        shop.owns(owner, shop.kitchen.cookerModelId(), 700);
        long away = visits("ご無沙汰", 150, 130, 110, 90);
        long awayToo = visits("ご無沙汰2", 150, 130, 110, 90);
        shop.night(TODAY);

        // the counter: a cloth does not answer the gasket reminder; the gasket does; any purchase answers a win-back
        shop.inShop(() -> {
            exits.customerBought(owner, List.of(shop.kitchen.clothId()));
            exits.customerBought(away, List.of(shop.kitchen.clothId()));
            return null;
        });
        assertThat(shop.messages(owner)).isEqualTo("PART_REPLACEMENT " + TODAY.plusDays(30) + " QUEUED EMAIL");
        assertThat(shop.messages(away)).isEqualTo("WIN_BACK AWAY_SINCE_" + TODAY.minusDays(90) + " WITHDRAWN BOUGHT EMAIL");
        shop.inShop(() -> {
            exits.customerBought(owner, List.of(shop.kitchen.gasketId()));
            return null;
        });
        assertThat(shop.messages(owner)).isEqualTo("PART_REPLACEMENT " + TODAY.plusDays(30) + " WITHDRAWN BOUGHT EMAIL");

        // a purchase that did not come through the counter (an import) is caught by the next night
        shop.buy(awayToo, 0);
        shop.night(TODAY.plusDays(1));
        assertThat(shop.messages(awayToo)).isEqualTo("WIN_BACK AWAY_SINCE_" + TODAY.minusDays(90) + " WITHDRAWN BOUGHT EMAIL");
    }

    private List<Long> heldOut(String occasion) {
        return shop.inShop(() -> jdbc.sql("""
                        select customer_id from outbox_message where occasion = ? and reason = 'HOLDOUT' order by customer_id""")
                .param(occasion).query(Long.class).list());
    }

    private long reachable(String name) {
        return shop.customer(name, "c" + System.nanoTime() + "@example.jp", true, true);
    }

    private long born(String name, LocalDate birthday, boolean emailConsent) {
        long customer = shop.customer(name, name.hashCode() + "-" + System.nanoTime() + "@customer.example",
                emailConsent, false);
        shop.inShop(() -> jdbc.sql("update customer set birthday = ? where id = ?").params(birthday, customer).update());
        return customer;
    }

    private long visits(String name, int... daysAgo) {
        long customer = reachable(name);
        for (int days : daysAgo) {
            shop.buy(customer, days);
        }
        return customer;
    }
}
