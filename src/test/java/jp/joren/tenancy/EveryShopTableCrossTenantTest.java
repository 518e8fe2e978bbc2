package jp.joren.tenancy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.joren.nightly.ShopNightlyRun;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.CounterFixtures.Kitchen;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestDatabase;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shop A uses the counter for real (customers, consents, purchases, owned products, corrections, a merge,
 * an export); then, table by table — every table with a tenant_id, including those added after this test
 * was written — shop B can neither read nor change a single one of shop A's rows.
 */
@JorenIntegrationTest
class EveryShopTableCrossTenantTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    CounterFixtures counter;

    @Autowired
    ShopNightlyRun nights;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void shopBCannotReadOrChangeAnyRowShopAWroteInAnyTable() throws Exception {
        TestShop shopA = shops.newShop("A 台所");
        Kitchen kitchen = counter.kitchen(shopA);
        useTheCounter(shopA, kitchen);
        TestShop shopB = shops.newShop("B 台所");

        List<String> tablesWithRowsOfA = new ArrayList<>();
        try (Connection owner = TestDatabase.get().ownerConnection()) {
            JdbcClient asOwner = JdbcClient.create(new SingleConnectionDataSource(owner, true));
            for (String table : asOwner.sql("""
                            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                             where n.nspname = 'public' and c.relkind = 'r'
                               and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
                             order by 1
                            """).query(String.class).list()) {
                long rowsOfA = asOwner.sql("select count(*) from " + table + " where tenant_id = ?")
                        .param(shopA.tenantId()).query(Long.class).single();
                if (rowsOfA > 0) {
                    tablesWithRowsOfA.add(table);
                }
            }
        }
        assertThat(tablesWithRowsOfA).contains("customer", "consent", "purchase", "purchase_line", "owned_product",
                "audit_event", "customer_merge", "product", "product_model", "consumable_part", "part_fit",
                "nightly_run", "portfolio_policy", "portfolio_basis", "portfolio_classification", "customer_portfolio",
                "portfolio_snapshot",
                "portfolio_month_cell", "portfolio_movement", "forecast_fit", "outbox_send_request", "line_account",
                "line_link_code", "line_friend", "saved_segment");

        for (String table : tablesWithRowsOfA) {
            Long seen = CurrentTenant.callAs(shopB.tenantId(), () -> transaction.execute(status -> jdbc
                    .sql("select count(*) from " + table + " where tenant_id = ?").param(shopA.tenantId())
                    .query(Long.class).single()));
            assertThat(seen).as("rows of shop A in %s seen by shop B", table).isZero();
            Integer changed = CurrentTenant.callAs(shopB.tenantId(), () -> transaction.execute(status -> jdbc
                    .sql("update " + table + " set tenant_id = tenant_id where tenant_id = ?").param(shopA.tenantId())
                    .update()));
            assertThat(changed).as("rows of shop A in %s changed by shop B", table).isZero();
            Integer deleted = CurrentTenant.callAs(shopB.tenantId(), () -> transaction.execute(status -> jdbc
                    .sql("delete from " + table + " where tenant_id = ?").param(shopA.tenantId()).update()));
            assertThat(deleted).as("rows of shop A in %s deleted by shop B", table).isZero();
        }
    }

    private void useTheCounter(TestShop shop, Kitchen kitchen) throws Exception {
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        long first = register(owner, "090-1000-2000", "a@example.jp");
        long second = register(owner, "090-1000-3000", "b@example.jp");
        WebSession.Page sale = owner.post("/purchases", Map.of("_csrf", owner.csrfToken("/purchases/new"),
                "customerId", Long.toString(first), "storeId", Long.toString(kitchen.storeId()),
                "purchasedAt", "2026-04-01T10:00", "channel", "STORE", "lines[0].code", "PC-100", "lines[1].code", "FL-01"));
        String receipt = sale.path().replaceFirst("\\?.*$", "");
        owner.submit(receipt, "form[action$=/cancel]", Map.of("reason", "打ち間違い"));
        owner.submit("/customers/merges/new?survivor=" + first + "&merged=" + second, "form[action=/customers/merges]", Map.of());
        owner.get("/customers/" + first + "/data-export");
        owner.post("/purchases", Map.of("_csrf", owner.csrfToken("/purchases/new"),
                "customerId", Long.toString(first), "storeId", Long.toString(kitchen.storeId()),
                "purchasedAt", "2026-04-02T10:00", "channel", "STORE", "lines[0].code", "TW-01"));
        owner.submit("/settings/portfolio", "#portfolio-settings", Map.of("neighbourhoodTowns", "本町一丁目"));
        owner.submit("/reminders/outbox", "form[action=/reminders/outbox/send]", Map.of());
        owner.submit("/customers?town=本町", "#save-segment", Map.of("name", "本町のお客様"));
        useLine(owner, first);
        nights.run(shop.tenantId(), LocalDate.of(2026, 6, 10));
    }

    /** The owner connects LINE, the clerk shows a customer their code, and the customer sends it on LINE. */
    private void useLine(WebSession owner, long customer) throws Exception {
        String secret = "cross-tenant-secret-0123456789";
        owner.submit("/settings/line", "#line-settings", Map.of("channelId", "1650000000", "channelSecret", secret,
                "accessToken", "cross-tenant-token", "sendFrom", "10:00", "sendUntil", "20:00"));
        String webhook = URI.create(owner.get("/settings/line").document().selectFirst("#line-webhook-url").text()).getPath();
        owner.submit("/line/customers/" + customer, "form[action$=/code]", Map.of());
        String code = owner.get("/line/customers/" + customer).document().selectFirst("#line-link-code").text();
        String body = "{\"events\":[{\"type\":\"message\",\"timestamp\":" + System.currentTimeMillis()
                + ",\"source\":{\"type\":\"user\",\"userId\":\"Ucross\"},\"message\":{\"type\":\"text\",\"text\":\""
                + code + "\"}}]}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(owner.url(webhook)))
                        .header("X-Line-Signature", Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    private static long register(WebSession owner, String phone, String email) {
        WebSession.Page saved = owner.submit("/customers/new", "form.customer-form", Map.of("name", "テスト 客",
                "nameKana", "テスト キャク", "phone", phone, "email", email, "emailConsent", "true", "postalConsent", "true",
                "notADuplicate", "true"));
        return Long.parseLong(saved.path().replaceAll("\\D", ""));
    }
}
