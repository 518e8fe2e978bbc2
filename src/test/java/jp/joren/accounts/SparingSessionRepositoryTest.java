package jp.joren.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A session's row is written when the session changes or once a minute, not after every request. */
@JorenIntegrationTest
class SparingSessionRepositoryTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesReadTheSessionWithoutRewritingItUntilItsLastWriteIsAMinuteOld() {
        TestShop shop = shops.newShop("セッション書き戻し店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        String session = new String(Base64.getDecoder().decode(owner.sessionCookie()), StandardCharsets.UTF_8);
        // the first page after the login takes what the login left in the session
        assertThat(owner.get("/home").status()).isEqualTo(200);
        long written = lastAccess(session);

        assertThat(owner.get("/customers").status()).isEqualTo(200);
        assertThat(owner.get("/home").status()).isEqualTo(200);
        assertThat(lastAccess(session)).isEqualTo(written);

        // as if the last write were two minutes ago: the next request writes the session's last access
        jdbc.sql("""
                update spring_session set last_access_time = last_access_time - 120000, expiry_time = expiry_time - 120000
                 where session_id = ?""").param(session).update();
        assertThat(owner.get("/home").status()).isEqualTo(200);
        assertThat(lastAccess(session)).isGreaterThanOrEqualTo(written);
    }

    @Test
    void aChangeToTheSessionIsWrittenAtOnce() {
        TestShop shop = shops.newShop("セッション言語店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        String session = new String(Base64.getDecoder().decode(owner.sessionCookie()), StandardCharsets.UTF_8);
        String attributes = attributes(session);

        owner.post("/language", Map.of("_csrf", owner.csrfToken("/home"), "lang", "en"));

        assertThat(attributes(session)).isNotEqualTo(attributes);
        assertThat(owner.get("/home").document().select("html").attr("lang")).isEqualTo("en");
    }

    private long lastAccess(String session) {
        return jdbc.sql("select last_access_time from spring_session where session_id = ?").param(session)
                .query(Long.class).single();
    }

    /** What the session holds, as stored. */
    private String attributes(String session) {
        return jdbc.sql("""
                select md5(string_agg(a.attribute_name || encode(a.attribute_bytes, 'hex'), ',' order by a.attribute_name))
                  from spring_session_attributes a
                  join spring_session s on s.primary_id = a.session_primary_id
                 where s.session_id = ?""").param(session).query(String.class).single();
    }
}
