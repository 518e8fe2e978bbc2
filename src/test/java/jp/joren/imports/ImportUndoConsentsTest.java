package jp.joren.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Undoing a customer import puts back the consents it changed for the customers it updated. */
@JorenIntegrationTest
class ImportUndoConsentsTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShopWork shopWork;

    TestShop shop;
    ImportSteps steps;
    long aoki;
    long sato;

    @BeforeEach
    void twoCustomersWhoRefusedEmail() {
        shop = shops.newShop("同意を戻す店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        steps = new ImportSteps(owner);
        aoki = customer("K-001", "青木 浩");
        sato = customer("K-002", "佐藤 花子");
        for (long customer : List.of(aoki, sato)) {
            shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                    insert into consent (tenant_id, customer_id, channel, purpose, granted, method, recorded_at)
                    values (app_current_tenant(), :c, 'EMAIL', 'ADVERTISING', false, 'COUNTER', timestamptz '2026-01-05 10:00+09')
                    """).param("c", customer).update());
        }
    }

    @Test
    void theConsentsAnImportGaveAreTakenBackUnlessChangedSince() {
        String job = steps.upload("CUSTOMERS", "台帳.csv", """
                会員番号,氏名,メール配信,DM可否
                K-001,青木 浩,可,可
                K-002,佐藤 花子,可,
                """.getBytes(StandardCharsets.UTF_8));
        steps.check(job);
        steps.run(job, Map.of());
        assertThat(latest(aoki, "EMAIL")).isEqualTo("true");
        assertThat(latest(aoki, "POSTAL")).isEqualTo("true");
        // 佐藤 refuses email again at the counter after the import: her answer stays
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                insert into consent (tenant_id, customer_id, channel, purpose, granted, method, recorded_at)
                values (app_current_tenant(), :c, 'EMAIL', 'ADVERTISING', false, 'COUNTER', timestamptz '2099-01-01 10:00+09')
                """).param("c", sato).update());

        WebSession.Page undone = steps.undo(job);

        assertThat(undone.document().select("#undo-done").text()).contains("元に戻したお客さま 1人");
        assertThat(undone.document().select("#undo-kept").text()).contains("1人");
        assertThat(latest(aoki, "EMAIL")).as("refused, as before the import").isEqualTo("false");
        assertThat(latest(aoki, "POSTAL")).as("never asked, as before the import").isEqualTo("none");
        assertThat(latest(sato, "EMAIL")).isEqualTo("false");
    }

    private String latest(long customer, String channel) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        select coalesce((select k.granted::text from consent k
                                          where k.customer_id = :c and k.channel = :channel and k.purpose = 'ADVERTISING'
                                          order by k.recorded_at desc, k.id desc limit 1), 'none')
                        """).param("c", customer).param("channel", channel).query(String.class).single());
    }

    private long customer(String code, String name) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        insert into customer (tenant_id, code, name) values (app_current_tenant(), :code, :name) returning id
                        """).param("code", code).param("name", name).query(Long.class).single());
    }
}
