package jp.joren.join;

import java.time.Duration;
import java.time.OffsetDateTime;

import jp.joren.shared.NightlyChore;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-up attempts are only needed for the rate limit's window, and a confirmation link that expired a month
 * ago will never be used; the consent ledger keeps what happened.
 */
@Component
@RequiredArgsConstructor
class JoinHousekeeping implements NightlyChore {

    private final JdbcClient jdbc;

    @Override
    public void run(long shop, OffsetDateTime now) {
        jdbc.sql("delete from join_attempt where tenant_id = :shop and attempted_at < :before")
                .param("shop", shop).param("before", now.minus(Duration.ofDays(1))).update();
        jdbc.sql("delete from join_confirmation where tenant_id = :shop and expires_at < :before")
                .param("shop", shop).param("before", now.minus(Duration.ofDays(30))).update();
    }
}
