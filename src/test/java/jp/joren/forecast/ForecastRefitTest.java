package jp.joren.forecast;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.joren.nightly.ShopNightlyRun;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.WebSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The night's refit on shops in the database: one whose 2,000 customers behave as the models assume, with a
 * year after the as-of date kept back to compare the forecast with, and one too small to forecast.
 */
@JorenIntegrationTest
class ForecastRefitTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    private static final BgNbd TRUE_VISITS = new BgNbd(1.2, 10, 0.8, 4);
    private static final GammaGamma TRUE_SPEND = new GammaGamma(4, 5, 4_000);

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    Forecasts forecasts;

    @Autowired
    CustomerForecasts customerForecasts;

    @Autowired
    ShopNightlyRun night;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ShopWork shopWork;

    private TestShop shop;

    @Test
    void theForecastOfAShopMatchesWhatItsCustomersDidInTheYearAfter() {
        shop = shops.newShop("予測 シミュレーションの店");
        List<List<SimulatedShop.Visit>> simulated = SimulatedShop.customers(6, 2_000, 104, 365, TRUE_VISITS, TRUE_SPEND);
        List<Long> ids = insert(simulated);
        long weekly = customer("毎週の常連");
        long gone = customer("来なくなった常連");
        for (int week = 1; week <= 52; week++) {
            buy(weekly, -7 * week + 6, 3_000);
            buy(gone, -7 * week - 300, 3_000);
        }
        long slipping = customer("離れかけの上得意");
        for (int visit = 0; visit < 10; visit++) {
            buy(slipping, -70 - 14 * visit, 30_000);
        }
        long cancelledOnly = customer("取消だけ");
        purchase(cancelledOnly, -10, 5_000, "CANCELLED");
        // free samples are never a visit, as in the portfolio
        long sample = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                insert into product (tenant_id, code, name, price, excluded_from_portfolio)
                values (app_current_tenant(), 'SAMPLE', '試供品', 0, true) returning id
                """).query(Long.class).single());
        long samplesOnly = customer("試供品だけ");
        sampleOnly(samplesOnly, -20, sample);
        sampleOnly(weekly, -3, sample);

        Forecasts.Refitted refitted = shopWork.inShop(shop.tenantId(), () -> forecasts.refit(AS_OF, step -> { }));

        assertThat(refitted.reliable()).isTrue();
        assertThat(refitted.customers()).isEqualTo(2_003);
        var fit = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select r, alpha, a, b, p, q, gamma, customers, reason from forecast_fit")
                .query((rs, row) -> new Object[] {new BgNbd(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)),
                        new GammaGamma(rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)), rs.getInt(8), rs.getString(9)})
                .single());
        BgNbd visits = (BgNbd) fit[0];
        GammaGamma spend = (GammaGamma) fit[1];
        assertThat(fit[3]).isNull();
        // the mean visit rate and the mean spend per visit are what the customers were made with
        assertThat(visits.r() / visits.alpha()).isCloseTo(TRUE_VISITS.r() / TRUE_VISITS.alpha(), within(0.02));
        assertThat(spend.populationMeanSpend()).isCloseTo(TRUE_SPEND.populationMeanSpend(), within(400.0));

        // the shop's year after: forecast against what the simulated customers really did
        long actualVisits = simulated.stream().mapToLong(c -> c.stream().filter(v -> v.day() >= 0 && v.day() < 365).count()).sum();
        double forecastVisits = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select sum(expected_visits_12m) from customer_forecast where customer_id = any(?)")
                .param(ids.toArray(Long[]::new)).query(Double.class).single());
        assertThat(forecastVisits).isCloseTo(actualVisits, within(0.06 * actualVisits));

        CustomerForecast regular = shopWork.inShop(shop.tenantId(), () -> customerForecasts.of(weekly)).orElseThrow();
        assertThat(regular.probabilityActive()).isGreaterThan(0.9);
        assertThat(regular.expectedNextVisitOn()).isBetween(AS_OF, AS_OF.plusDays(7));
        assertThat(regular.expectedVisits12Months()).isGreaterThan(20);
        assertThat(regular.fittedOn()).isEqualTo(AS_OF);
        // the stored figures are the model's with the stored parameters
        VisitHistory regularHistory = new VisitHistory(51, 51, 51, 3_000);
        assertThat(regular.expectedVisits90Days()).isCloseTo(visits.expectedVisits(90 / 7.0, regularHistory), within(1e-4));
        assertThat(regular.expectedValue12Months()).isCloseTo(
                Math.round(regular.expectedVisits12Months() * spend.expectedSpend(51, 3_000)), within(2L));

        CustomerForecast lapsed = shopWork.inShop(shop.tenantId(), () -> customerForecasts.of(gone)).orElseThrow();
        assertThat(lapsed.probabilityActive()).isLessThan(0.05);
        assertThat(lapsed.expectedValue12Months()).isLessThan(regular.expectedValue12Months() / 10);
        assertThat(shopWork.inShop(shop.tenantId(), () -> customerForecasts.of(cancelledOnly))).isEmpty();
        assertThat(shopWork.inShop(shop.tenantId(), () -> customerForecasts.of(samplesOnly))).isEmpty();

        Document page = owner().get("/customers/" + weekly).document();
        assertThat(page.selectFirst("#forecast-active").text())
                .isEqualTo(String.format(Locale.ROOT, "%.1f%%", regular.probabilityActive() * 100));
        assertThat(page.selectFirst("#forecast-visits-12").text())
                .isEqualTo(String.format(Locale.ROOT, "%.2f", regular.expectedVisits12Months()));
        assertThat(page.selectFirst("#forecast-value").text())
                .isEqualTo("¥" + NumberFormat.getIntegerInstance(Locale.JAPAN).format(regular.expectedValue12Months()));
        assertThat(page.selectFirst("#forecast-none")).isNull();

        // the owner's list of customers worth a call: slipping, and valuable if they stay
        CustomerForecast slips = shopWork.inShop(shop.tenantId(), () -> customerForecasts.of(slipping)).orElseThrow();
        assertThat(slips.probabilityActive()).isBetween(0.2, 0.6);
        WebSession owner = owner();
        String listPath = owner.get("/dashboard").document().selectFirst("#worth-a-call-link").attr("href");
        Document list = owner.get(listPath).document();
        assertThat(list.select("a[href=/customers/" + slipping + "]")).hasSize(1);
        assertThat(list.select("a[href=/customers/" + weekly + "]")).isEmpty();
        assertThat(list.select("a[href=/customers/" + gone + "]")).isEmpty();

        // the customer list: the forecast's columns, a filter on the chance and a sort by value
        assertThat(owner.get("/customers?activeBelowPercent=5&text=来なくなった常連").document()
                .select("a[href=/customers/" + gone + "]")).hasSize(1);
        assertThat(owner.get("/customers?activeBelowPercent=5&text=離れかけの上得意").document()
                .select("tr.customer-row")).isEmpty();
        assertThat(owner.get("/customers?activeBelowPercent=60&text=離れかけの上得意").document()
                .select("a[href=/customers/" + slipping + "]")).hasSize(1);
        List<Long> values = owner.get("/customers?sort=VALUE_12M").document().select("tr.customer-row .forecast-value")
                .eachText().stream().map(yen -> Long.parseLong(yen.replaceAll("[^0-9]", ""))).toList();
        assertThat(values).hasSize(50).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        var regularRow = owner.get("/customers?text=毎週の常連").document().selectFirst("tr.customer-row");
        assertThat(regularRow.selectFirst(".forecast-value").text())
                .isEqualTo("¥" + NumberFormat.getIntegerInstance(Locale.JAPAN).format(regular.expectedValue12Months()));
        assertThat(regularRow.selectFirst(".forecast-active").text())
                .isEqualTo(String.format(Locale.ROOT, "%.1f%%", regular.probabilityActive() * 100));
        // and its export carries the same two columns (before the segment, empty until a night classifies)
        String export = owner.get("/customers/export?text=毎週の常連").body();
        assertThat(export.lines().findFirst().orElseThrow()).endsWith(",今もお客様である確率,12か月の見込み金額,区分");
        assertThat(export.lines().skip(1).findFirst().orElseThrow()).endsWith("," + String.format(Locale.ROOT, "%.1f%%",
                regular.probabilityActive() * 100) + "," + regular.expectedValue12Months() + ",");

        // the owner's check: fitted on the visits until half a year ago, the half year forecast as it came
        String checkPath = owner.get("/dashboard").document().selectFirst("#forecast-check-link").attr("href");
        Document check = owner.get(checkPath).document();
        assertThat(check.select("#calibration tbody tr")).hasSize(Calibration.LAST_ROW_FROM + 1);
        var total = check.select("#calibration-total td");
        double expectedPerCustomer = Double.parseDouble(total.get(1).text());
        double actualPerCustomer = Double.parseDouble(total.get(2).text());
        assertThat(expectedPerCustomer).isCloseTo(actualPerCustomer, within(0.1 * actualPerCustomer));
        assertThat(check.selectFirst("#forecast-unreliable")).isNull();
        // customers made as BG/NBD assumes: the half-year check chose BG/NBD, and the page says why
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select model from forecast_fit").query(String.class).single())).isEqualTo("BG_NBD");
        assertThat(check.selectFirst("#forecast-model").text()).startsWith("予測には BG/NBD を使っています。")
                .contains("1人あたりの外れが BG/NBD は");

        // the next night keeps the week's check (its errors, its table) and refits the chosen model from where
        // this fit ended; a week on, the night checks again on the half-year before it
        List<Object> errors = holdoutErrors();
        shopWork.inShop(shop.tenantId(), () -> forecasts.refit(AS_OF.plusDays(1), step -> { }));
        assertThat(holdoutCheckedOn()).isEqualTo(AS_OF);
        assertThat(holdoutErrors()).isEqualTo(errors);
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select fitted_on::text || model from forecast_fit").query(String.class).single()))
                .isEqualTo(AS_OF.plusDays(1) + "BG_NBD");
        shopWork.inShop(shop.tenantId(), () -> forecasts.refit(AS_OF.plusDays(ModelChoice.RECHECK_DAYS), step -> { }));
        assertThat(holdoutCheckedOn()).isEqualTo(AS_OF.plusDays(ModelChoice.RECHECK_DAYS));
    }

    private LocalDate holdoutCheckedOn() {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select max(holdout_until) from forecast_calibration").query(LocalDate.class).single());
    }

    private List<Object> holdoutErrors() {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select bg_nbd_holdout_error, pareto_nbd_holdout_error from forecast_fit")
                .query((rs, row) -> List.<Object>of(rs.getDouble(1), rs.getDouble(2))).single());
    }

    @Test
    void aShopTooSmallToForecastIsToldSoAndShowsNoNumbers() {
        shop = shops.newShop("予測 小さな店");
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long id = customer("少数");
            customers.add(id);
            buy(id, -100 + i, 2_000);
            buy(id, -10 - i, 2_000);
        }

        night.run(shop.tenantId(), AS_OF);

        String fit = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select fitted_on || ' ' || customers || ' ' || reliable || ' ' || reason from forecast_fit")
                .query(String.class).single());
        assertThat(fit).isEqualTo(AS_OF + " 20 false TOO_FEW_CUSTOMERS");
        assertThat(shopWork.inShop(shop.tenantId(), () -> customerForecasts.of(customers.get(0)))).isEmpty();
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from customer_forecast").query(Long.class).single())).isZero();
        Document page = owner().get("/customers/" + customers.get(0)).document();
        assertThat(page.selectFirst("#forecast-none")).isNotNull();
        assertThat(page.selectFirst("#forecast-active")).isNull();
        Document check = owner().get("/dashboard/forecast").document();
        assertThat(check.selectFirst("#forecast-unreliable").text()).isEqualTo("来店のあるお客様がまだ少ないため、予測は表示していません。");
        assertThat(check.selectFirst("#forecast-no-calibration").text())
                .isEqualTo("半年前までに来店したお客様がまだ少ないため、直近半年の当たり具合は確かめられません。");
    }

    private WebSession owner() {
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        return owner;
    }

    /** The simulated customers and their visits before the as-of date, in one transaction. */
    private List<Long> insert(List<List<SimulatedShop.Visit>> simulated) {
        return shopWork.inShop(shop.tenantId(), () -> {
            List<Long> ids = jdbc.sql("""
                            insert into customer (tenant_id, name)
                            select app_current_tenant(), 'シミュ ' || n from generate_series(1, ?) n
                            on conflict do nothing
                            returning id
                            """).param(simulated.size()).query(Long.class).list();
            List<Long> customers = new ArrayList<>();
            List<Integer> days = new ArrayList<>();
            List<Long> totals = new ArrayList<>();
            for (int i = 0; i < simulated.size(); i++) {
                for (SimulatedShop.Visit v : simulated.get(i)) {
                    if (v.day() < 0) {
                        customers.add(ids.get(i));
                        days.add(v.day());
                        totals.add(v.yen());
                    }
                }
            }
            jdbc.sql("""
                    insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total)
                    select app_current_tenant(), c, s.id, (cast(:asOf as date) + d) + time '10:00',
                           cast(:asOf as date) + d, t
                      from unnest(:customers, :days, :totals) as v (c, d, t)
                     cross join (select min(id) as id from store where tenant_id = app_current_tenant()) s
                    on conflict do nothing
                    """).param("asOf", AS_OF).param("customers", customers.toArray(Long[]::new))
                    .param("days", days.toArray(Integer[]::new)).param("totals", totals.toArray(Long[]::new)).update();
            return ids;
        });
    }

    private long customer(String name) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("insert into customer (tenant_id, name) values (app_current_tenant(), ?) returning id")
                .param(name).query(Long.class).single());
    }

    private void buy(long customer, int day, long total) {
        purchase(customer, day, total, "COMPLETED");
    }

    private long purchase(long customer, int day, long total, String status) {
        LocalDate date = AS_OF.plusDays(day);
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total, status)
                        select tenant_id, ?, min(id), cast(? as date) + time '10:00', ?, ?, ?
                          from store where tenant_id = app_current_tenant() group by tenant_id
                        returning id
                        """).params(customer, date, date, total, status).query(Long.class).single());
    }

    private void sampleOnly(long customer, int day, long sample) {
        long purchase = purchase(customer, day, 0, "COMPLETED");
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price, amount)
                values (app_current_tenant(), ?, ?, 1, 0, 0)
                """).params(purchase, sample).update());
    }
}
