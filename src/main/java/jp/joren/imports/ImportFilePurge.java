package jp.joren.imports;

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
 * An uploaded file holds personal data; once its import is 30 days old only the job's record (counts,
 * problems) is kept. An import left running by a node that stopped is marked failed after a day.
 */
@Component
class ImportFilePurge implements NightlyChore {

    private final JdbcClient jdbc;
    private final Clock clock;

    ImportFilePurge(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(LocalDate businessDate) {
        long shop = CurrentTenant.require();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                update import_job set content = ''::bytea
                 where tenant_id = :shop and created_at < :before and octet_length(content) > 0
                """).param("shop", shop).param("before", now.minus(Duration.ofDays(30))).update();
        jdbc.sql("""
                update import_job set status = 'FAILED', error = 'interrupted', finished_at = :now
                 where tenant_id = :shop and status = 'RUNNING' and created_at < :before
                """).param("now", now).param("shop", shop).param("before", now.minus(Duration.ofDays(1))).update();
    }
}
