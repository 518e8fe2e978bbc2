package jp.joren.join;

import java.time.LocalDate;

import jp.joren.shared.NightlyChore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-up attempts are only needed for the rate limit's window, and a confirmation link that expired a month
 * ago will never be used; the consent ledger keeps what happened.
 */
@Component
class JoinHousekeeping implements NightlyChore {

    private final JdbcClient jdbc;

    JoinHousekeeping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(LocalDate businessDate) {
        jdbc.sql("delete from join_attempt where attempted_at < now() - interval '1 day'").update();
        jdbc.sql("delete from join_confirmation where expires_at < now() - interval '30 days'").update();
    }
}
