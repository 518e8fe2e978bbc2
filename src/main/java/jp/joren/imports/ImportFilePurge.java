package jp.joren.imports;

import java.time.Duration;
import java.time.OffsetDateTime;

import jp.joren.shared.NightlyChore;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An uploaded file holds personal data; once its import is 30 days old only the job's record (counts,
 * problems) is kept. An import left running by a node that stopped is marked failed after a day.
 */
@Component
@RequiredArgsConstructor
class ImportFilePurge implements NightlyChore {

    private final JdbcClient jdbc;

    @Override
    public void run(long shop, OffsetDateTime now) {
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
