package jp.joren.demo;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@JorenIntegrationTest
class DemoShopGeneratorTest {

    /** Visits (customer × business date, completed purchases only) per customer, as the analytics count them. */
    private static final String VISITS = """
            select customer_id, count(*) as visits, max(business_date) as last_visit
              from (select distinct customer_id, business_date
                      from purchase
                     where status = 'COMPLETED' and customer_id is not null) v
             group by customer_id
            """;

    @Autowired
    DemoShops shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @LocalServerPort
    int port;

    @Test
    void theSameSeedGivesTheSameShop() {
        long first = shops.generate(7, 300);
        long second = shops.generate(7, 300);
        long other = shops.generate(8, 300);

        assertThat(fingerprint(second)).isEqualTo(fingerprint(first));
        assertThat(names(second)).isEqualTo(names(first)).hasSize(300);
        assertThat(names(other)).isNotEqualTo(names(first));
    }

    @Test
    void theShopHasOneTimeBuyersRegularsAndLapsedCustomers() {
        long shop = shops.generate(11, 300);

        List<Map<String, Object>> customers = shops.inShop(shop, db -> db.sql(VISITS).query().listOfRows());

        long oneTime = customers.stream().filter(c -> ((Number) c.get("visits")).longValue() == 1).count();
        long regulars = customers.stream().filter(c -> ((Number) c.get("visits")).longValue() >= 10).count();
        long lapsed = customers.stream()
                .filter(c -> ((Date) c.get("last_visit")).toLocalDate().isBefore(DemoShops.TODAY.minusDays(240)))
                .count();
        assertThat(oneTime).as("one-time buyers").isBetween(90L, 150L);
        assertThat(regulars).as("customers with 10 or more visits").isGreaterThan(15);
        assertThat(lapsed).as("customers not seen for 240 days").isGreaterThan(50);
    }

    @Test
    void decemberOutsellsJuneAndSeasonalGoodsSellInTheirSeason() {
        long shop = shops.generate(12, 300);

        Map<String, Long> byMonth = shops.inShop(shop, db -> db.sql("""
                        select to_char(business_date, 'MM') as month, sum(total) as sales
                          from purchase where status = 'COMPLETED' group by 1
                        """).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byMonth.get("12")).isGreaterThan(byMonth.get("06"));

        List<Integer> shavedIceMonths = shops.inShop(shop, db -> db.sql("""
                        select distinct extract(month from p.business_date)::int
                          from purchase p
                          join purchase_line l on l.tenant_id = p.tenant_id and l.purchase_id = p.id
                          join product pr on pr.tenant_id = l.tenant_id and pr.id = l.product_id
                         where pr.name = 'かき氷器'
                        """).query(Integer.class).list());
        assertThat(shavedIceMonths).isNotEmpty().allSatisfy(month -> assertThat(month).isBetween(6, 8));
    }

    @Test
    void everyReceiptAddsUpAndIsDatedInTokyo() {
        long shop = shops.generate(13, 300);

        assertThat(shops.count(shop, """
                select count(*) from purchase p
                 where p.total is distinct from (select sum(l.amount)
                                                   from purchase_line l where l.tenant_id = p.tenant_id and l.purchase_id = p.id)
                """)).as("purchases whose total is not the sum of their lines").isZero();
        assertThat(shops.count(shop,
                "select count(*) from purchase_line where amount <> quantity * unit_price - discount")).isZero();
        assertThat(shops.count(shop, """
                select count(*) from purchase
                 where business_date <> (purchased_at at time zone 'Asia/Tokyo')::date
                    or business_date >= date '2026-11-24'
                """)).as("purchases dated other than on their day in Tokyo, or from today on").isZero();
        assertThat(shops.count(shop, "select count(*) from purchase where customer_id is null"))
                .as("walk-ins").isPositive();
        assertThat(shops.count(shop, "select count(*) from purchase where status = 'CANCELLED'")).isPositive();
        assertThat(shops.count(shop, "select count(*) from purchase where status = 'RETURNED'")).isPositive();
    }

    @Test
    void everyPressureCookerSoldIsInTheBuyersKitchen() {
        long shop = shops.generate(14, 300);

        assertThat(shops.count(shop, """
                select count(*) from purchase_line l
                  join purchase p on p.tenant_id = l.tenant_id and p.id = l.purchase_id
                  join product_model m on m.tenant_id = l.tenant_id and m.product_id = l.product_id
                 where not exists (select 1 from owned_product o
                                    where o.tenant_id = p.tenant_id and o.source_purchase_id = p.id and o.product_model_id = m.id
                                      and o.customer_id = p.customer_id and o.purchased_on = p.business_date)
                """)).as("model purchases without an owned product").isZero();
        assertThat(shops.count(shop, "select count(*) from owned_product where source_purchase_id is not null"))
                .isPositive();
        assertThat(shops.count(shop, """
                select count(*) from consumable_part cp join product p on p.tenant_id = cp.tenant_id and p.id = cp.product_id
                 where p.name like '%パッキン%' and cp.replacement_interval_days = 730 and cp.reminder_lead_days = 30
                """)).isEqualTo(2);
        assertThat(shops.count(shop, "select max(n) from (select count(*) as n from part_fit group by part_id) f"))
                .as("models the most versatile part fits").isGreaterThan(1);
    }

    @Test
    void customersAreRecordedAsAJapaneseCounterWouldRecordThem() {
        long shop = shops.generate(15, 300);

        assertThat(shops.count(shop, "select count(*) from customer where name_kana !~ '^[ァ-ヶー]+ [ァ-ヶー]+$'"))
                .as("customers whose kana is not katakana").isZero();
        assertThat(shops.count(shop, """
                select count(*) from customer
                 where code !~ '^C[0-9]{6}$' or phone_normalized <> replace(phone, '-', '')
                    or created_at > (select min(purchased_at) from purchase p where p.tenant_id = customer.tenant_id and p.customer_id = customer.id)
                """)).isZero();
        assertThat(shops.count(shop, "select count(*) from customer where email is not null")).isBetween(120L, 210L);
        assertThat(shops.count(shop, "select count(*) from customer where city = '世田谷区'")).isGreaterThan(150);
        assertThat(shops.count(shop, "select count(distinct method) from consent")).isEqualTo(2);
    }

    @Test
    void noOtherShopCanSeeTheGeneratedRows() {
        long shop = shops.generate(16, 300);
        long otherShop = shops.generate(17, 10);

        assertThat(shops.count(shop, "select count(*) from customer")).isEqualTo(300);
        for (String table : List.of("customer", "purchase", "purchase_line", "product", "consent", "owned_product")) {
            assertThat(shops.count(otherShop, "select count(*) from " + table + " where tenant_id = " + shop))
                    .as(table).isZero();
        }
        long seenByOther = CurrentTenant.callAs(otherShop, () -> transaction.execute(status ->
                jdbc.sql("select count(*) from customer").query(Long.class).single()));
        assertThat(seenByOther).isEqualTo(10);
        long seenWithoutShop = transaction.execute(status ->
                jdbc.sql("select count(*) from customer").query(Long.class).single());
        assertThat(seenWithoutShop).as("customers visible without a shop").isZero();
    }

    @Test
    void theOwnerAndTheClerkLogInToTheirShop() {
        DemoShopSpec spec = DemoShops.spec(18, 300);
        shops.generate(spec);

        WebSession owner = new WebSession(port);
        assertThat(owner.logIn(spec.ownerEmail(), spec.ownerPassword()).location()).endsWith("/home");
        WebSession.Page home = owner.open("/home");
        assertThat(home.document().select("h1").text()).isEqualTo(spec.shopName());
        assertThat(home.document().select("#customer-count").text()).isEqualTo("300");

        WebSession clerk = new WebSession(port);
        assertThat(clerk.logIn(DemoShopGenerator.staffEmail(spec.ownerEmail()), spec.ownerPassword()).location())
                .endsWith("/home");
    }

    private Map<String, Object> fingerprint(long shop) {
        return shops.inShop(shop, db -> db.sql("""
                select (select count(*) from purchase) as purchases,
                       (select sum(total) from purchase where status = 'COMPLETED') as sales,
                       (select count(*) from purchase_line) as lines,
                       (select count(*) from owned_product) as owned,
                       (select count(*) from consent) as consents,
                       (select string_agg(purchased_at::text || ' ' || total, ',' order by purchased_at, total)
                          from purchase) as receipts
                """).query().singleRow());
    }

    private List<String> names(long shop) {
        return shops.inShop(shop, db -> db.sql("select name || '/' || coalesce(email, '') from customer order by code")
                .query(String.class).list());
    }
}
