package jp.joren.demo;

import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo shop at its real size, timed so a slowdown shows in the build log (no limit is asserted). */
@JorenIntegrationTest
class DemoFullSizeTest {

    @Autowired
    DemoShops shops;

    @Test
    void theDefaultDemoShopGenerates() {
        long started = System.nanoTime();
        long shop = shops.generate(20261124, 1500);
        System.out.printf("Demo shop of 1,500 customers generated in %.2f s%n", (System.nanoTime() - started) / 1e9);

        assertThat(shops.count(shop, "select count(*) from customer")).isEqualTo(1500);
        assertThat(shops.count(shop, "select count(*) from purchase")).isGreaterThan(7000);
    }
}
