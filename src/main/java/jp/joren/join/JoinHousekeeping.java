package jp.joren.join;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jp.joren.shared.NightlyChore;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-up attempts are only needed for the rate limit's window, and a confirmation link that expired a month
 * ago will never be used; the consent ledger keeps what happened.
 */
@Component
class JoinHousekeeping implements NightlyChore {

    private final JdbcClient jdbc;
    private final Clock clock;

    JoinHousekeeping(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(LocalDate businessDate) {
        long shop = CurrentTenant.require();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("delete from join_attempt where tenant_id = :shop and attempted_at < :before")
                .param("shop", shop).param("before", now.minus(Duration.ofDays(1))).update();
        jdbc.sql("delete from join_confirmation where tenant_id = :shop and expires_at < :before")
                .param("shop", shop).param("before", now.minus(Duration.ofDays(30))).update();
    }
}
