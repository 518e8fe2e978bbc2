package jp.joren.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "When will they come next" has one answer wherever a customer is shown: the forecast's day while it is
 * reliable, else the customer's own interval; a lapsed customer, or one whose day has passed, is away.
 */
@JorenIntegrationTest
class NextVisitTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReminderShop.Opener opener;

    private ReminderShop shop;
    private WebSession owner;
    private LocalDate today;

    @BeforeEach
    void aShopAfterItsNight() {
        today = LocalDate.now(Clock.system(ZoneId.of("Asia/Tokyo")));
        shop = opener.open("次の来店の店", today);
        owner = new WebSession(port);
        owner.logIn(shop.shop.ownerEmail(), shop.shop.password());
    }

    @Test
    void everyPageGivesOneNextVisitAndNeverADayInThePast() {
        long weekly = visits("毎週 来子", 23, 16, 9, 2);
        long overdue = visits("遅れ 次郎", 95, 75, 55, 35);
        long lapsed = visits("離れ 三郎", 700, 500, 400);
        shop.night(today);

        LocalDate ownInterval = shop.inShop(() -> jdbc.sql(
                "select last_visit + expected_interval_days from customer_portfolio where customer_id = ?")
                .param(weekly).query(LocalDate.class).single());
        assertThat(ownInterval).isAfterOrEqualTo(today);
        assertThat(nextVisitOnPage(weekly)).isEqualTo(japanese(ownInterval) + "ごろ");
        assertThat(owner.get("/customers/" + weekly).document().selectFirst("#average-interval").text())
                .isEqualTo("平均来店間隔 7日");
        assertThat(nextVisitOnPage(overdue)).isEqualTo("来店が途絶えています（最終 35日前）");
        assertThat(nextVisitOnPage(lapsed)).isEqualTo("来店が途絶えています（最終 400日前）");
        // the page has no second or third date competing with it
        assertThat(owner.get("/customers/" + weekly).document().select("#expected-next-visit, #forecast-next")).isEmpty();

        // an unreliable forecast is not used; a reliable one is, but never for a lapsed customer
        forecast(false, weekly, today.plusDays(30));
        assertThat(nextVisitOnPage(weekly)).isEqualTo(japanese(ownInterval) + "ごろ");
        forecast(true, weekly, today.plusDays(30));
        forecast(true, lapsed, today.plusDays(60));
        assertThat(nextVisitOnPage(weekly)).isEqualTo(japanese(today.plusDays(30)) + "ごろ");
        assertThat(nextVisitOnPage(lapsed)).isEqualTo("来店が途絶えています（最終 400日前）");

        // the dashboard's lists say the same
        String cell = shop.inShop(() -> jdbc.sql("select segment || '-LAPSED' from customer_portfolio where customer_id = ?")
                .param(lapsed).query(String.class).single());
        assertThat(owner.get("/dashboard/customers?audience=CELL&cell=" + cell).document()
                .select("tr.audience-member").eachText()).anyMatch(row -> row.contains("離れ 三郎")
                        && row.contains("来店が途絶えています（最終 400日前）"));
    }

    private String nextVisitOnPage(long customer) {
        return owner.get("/customers/" + customer).document().selectFirst("#next-visit .next-visit").text();
    }

    private void forecast(boolean reliable, long customer, LocalDate next) {
        shop.inShop(() -> {
            jdbc.sql("""
                            insert into forecast_fit (tenant_id, fitted_on, customers, repeat_customers, reliable, reason)
                            values (app_current_tenant(), ?, 3, 3, ?, ?)
                            on conflict (tenant_id) do update set reliable = excluded.reliable, reason = excluded.reason""")
                    .params(today, reliable, reliable ? null : "TOO_FEW_CUSTOMERS").update();
            return jdbc.sql("""
                            insert into customer_forecast (tenant_id, customer_id, probability_active, expected_visits_90d,
                                                           expected_visits_12m, expected_next_visit_on, expected_value_12m)
                            values (app_current_tenant(), ?, 0.9, 1, 4, ?, 10000)
                            on conflict (tenant_id, customer_id) do update set expected_next_visit_on = excluded.expected_next_visit_on""")
                    .params(customer, next).update();
        });
    }

    private static String japanese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private long visits(String name, int... daysAgo) {
        long customer = shop.customer(name, null, false, false);
        for (int days : daysAgo) {
            shop.buy(customer, days);
        }
        return customer;
    }
}
