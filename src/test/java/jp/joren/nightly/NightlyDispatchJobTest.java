package jp.joren.nightly;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NightlyDispatchJobTest {

    private static final LocalDate NIGHT = LocalDate.of(2026, 11, 25);

    @Test
    void oneShopsFailureDoesNotStopTheOthers() {
        List<Long> ran = new ArrayList<>();
        NightlyRuns threeDueShops = new NightlyRuns(null) {
            @Override
            List<DueShop> dueShops(Instant now) {
                return List.of(new DueShop(1, NIGHT), new DueShop(2, NIGHT), new DueShop(3, NIGHT));
            }
        };
        ShopNightlyRun secondShopFails = new ShopNightlyRun(null, null, null, null, List.of(), null, null, null, null, null) {
            @Override
            public boolean run(long tenantId, LocalDate businessDate) {
                if (tenantId == 2) {
                    throw new IllegalStateException("shop 2 is broken");
                }
                ran.add(tenantId);
                return true;
            }
        };

        new NightlyDispatchJob(threeDueShops, secondShopFails, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .executeInternal(null);

        assertThat(ran).containsExactly(1L, 3L);
    }
}
