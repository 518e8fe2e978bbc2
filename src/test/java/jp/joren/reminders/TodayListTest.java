package jp.joren.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jp.joren.reminders.rules.ReminderRules;
import jp.joren.reminders.today.ContactItem;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Today's list at the counter: who to contact and why, and an item dealt with by one clerk leaves the others' list. */
@JorenIntegrationTest
class TodayListTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReminderRules rules;
    @Autowired
    TodayList list;
    @Autowired
    PurchaseExits purchases;

    @Autowired
    ReminderShop.Opener opener;

    private ReminderShop shop;
    private WebSession owner;
    private WebSession clerk;
    private LocalDate today;

    @BeforeEach
    void aShopAfterItsNight() {
        today = LocalDate.now(Clock.system(ZoneId.of("Asia/Tokyo")));
        shop = opener.open("今日の店", today);
        owner = new WebSession(port);
        owner.logIn(shop.shop.ownerEmail(), shop.shop.password());
        clerk = owner.newClerk("店員 花子");
    }

    @Test
    void theListSaysWhyMostValuableFirstAndWhatOneClerkDidLeavesEveryonesList() {
        shop.inShop(() -> jdbc.sql("insert into portfolio_policy (tenant_id, amount_threshold) values (app_current_tenant(), 20000)")
                .update());
        long loyal = visits("優良 久子", IntStream.rangeClosed(2, 11).map(i -> i * 25).toArray());
        long regular = visits("常連 次郎", 95, 75, 55, 35);
        long lapsedLoyal = visits("離れた 優子", IntStream.rangeClosed(12, 21).map(i -> i * 25).toArray());
        long cooker = visits("圧力 鍋子", 400);
        shop.owns(cooker, shop.kitchen.cookerModelId(), 700);
        long couponHolder = visits("券 持子", 120);
        shop.inShop(() -> jdbc.sql("""
                        insert into coupon (tenant_id, code, customer_id, kind, value, valid_from, valid_until, issued_for)
                        values (app_current_tenant(), 'AAAA0000BBBB1111', ?, 'YEN', 500, ?, ?, 'TEST')""")
                .params(couponHolder, today.minusDays(20), today.plusDays(3)).update());
        long birthday = shop.customer("誕生 日子", null, false, false);
        shop.inShop(() -> jdbc.sql("update customer set birthday = ? where id = ?")
                .params(today.plusDays(2).minusYears(40), birthday).update());
        shop.night(today);

        WebSession.Page page = clerk.open("/today");

        List<String> rows = page.document().select("tr.today-item").eachText();
        assertThat(rows).hasSize(6);
        assertThat(page.document().selectFirst("#today-count").text()).isEqualTo("連絡待ち 6件（今日の一覧 6件）");
        assertThat(rows.get(0)).contains("優良 久子", "優良のお客様がご無沙汰", "来店が途絶えています（最終 50日前）",
                "いつもは25日ごと");
        assertThat(rows.get(1)).contains("圧力 鍋子", "部品の交換時期", "圧力鍋パッキン（品番 GK-100）が", "に交換時期");
        assertThat(rows.get(2)).contains("券 持子", "クーポン AAAA0000BBBB1111 は");
        assertThat(rows.get(3)).contains("常連 次郎", "いつもより間があいている", "来店が途絶えています（最終 35日前）",
                "いつもは20日ごと");
        assertThat(rows.get(4)).contains("誕生 日子", "お誕生日");
        // lapsed 優良 customers are for a personal word, after everything else
        assertThat(rows.get(5)).contains("離れた 優子", "離れてしまった優良・流行のお客様", "来店が途絶えています（最終 300日前）");

        clerk.submit("/today", "#item-" + birthday + "-BIRTHDAY form",
                Map.of("outcome", "CALLED", "note", "お祝いを伝えた"));
        clerk.submit("/today", "#item-" + regular + "-OVERDUE form", Map.of("outcome", "NOT_NOW"));
        // with htmx, the row answers in place: what was done, by whom, and the new count
        WebSession other = owner.newClerk("店員 太郎").withHeader("HX-Request", "true");
        WebSession.Page answer = other.submit("/today", "#item-" + loyal + "-LOYAL_NOT_SEEN form",
                Map.of("outcome", "VOICEMAIL", "callAgainOn", today.plusDays(3).toString()));
        assertThat(answer.status()).isEqualTo(200);
        // (a row alone is no HTML document: read it as the markup htmx swaps in)
        Document answered = Jsoup.parse(answer.body(), "", Parser.xmlParser());
        assertThat(answered.select("tr.today-item.dealt").text())
                .contains("優良 久子", "電話した（留守電）", "店員 太郎", "に再度電話");
        assertThat(answered.selectFirst("#today-count[hx-swap-oob]").text()).isEqualTo("連絡待ち 3件（今日の一覧 6件）");
        // a day to call again must be ahead, and not months away
        assertThat(other.submit("/today", "#item-" + cooker + "-PART_DUE form",
                Map.of("outcome", "VOICEMAIL", "callAgainOn", today.toString())).status()).isEqualTo(400);

        // everyone sees who did what; nobody is asked to do it again
        List<String> ownersList = owner.open("/today").document().select("tr.today-item.dealt").eachText();
        assertThat(ownersList).hasSize(3);
        assertThat(ownersList).anyMatch(row -> row.contains("誕生 日子") && row.contains("電話した") && row.contains("店員 花子")
                && row.contains("お祝いを伝えた"));
        assertThat(ownersList).anyMatch(row -> row.contains("常連 次郎") && row.contains("今はしない"));
        assertThat(owner.open("/today").document().select("tr.today-item.dealt form")).isEmpty();
        assertThat(shop.inShop(() -> jdbc.sql("select outcome || ' ' || note from contact_task where customer_id = ?")
                .param(birthday).query(String.class).single())).isEqualTo("CALLED お祝いを伝えた");

        // the counter answers an item at once: a lapsed customer who comes back is not away any more
        shop.inShop(() -> {
            purchases.customerBought(lapsedLoyal, List.of());
            return null;
        });
        assertThat(owner.open("/today").document().select("tr.today-item").eachText())
                .noneMatch(row -> row.contains("離れた 優子"));

        // the next nights: "not now" is back after a week, the voicemail on the day to call again
        assertThat(customersListed(today.plusDays(2))).doesNotContain(regular, loyal, birthday);
        assertThat(customersListed(today.plusDays(3))).contains(loyal).doesNotContain(regular, birthday);
        assertThat(customersListed(today.plusDays(7))).contains(regular).doesNotContain(birthday);
    }

    private List<Long> customersListed(LocalDate night) {
        shop.night(night);
        return shop.inShop(() -> list.page(null, 0, night)).stream().filter(item -> !item.dealtWith())
                .map(ContactItem::customerId).toList();
    }

    private long visits(String name, int... daysAgo) {
        long customer = shop.customer(name, null, false, false);
        for (int days : daysAgo) {
            shop.buy(customer, days);
        }
        return customer;
    }
}
