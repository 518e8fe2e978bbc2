package jp.joren.imports;

import java.time.LocalDate;

import jp.joren.shared.NightlyChore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An uploaded file holds personal data; once its import is 30 days old only the job's record (counts,
 * problems) is kept. An import left running by a node that stopped is marked failed after a day.
 */
@Component
class ImportFilePurge implements NightlyChore {

    private final JdbcClient jdbc;

    ImportFilePurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(LocalDate businessDate) {
        jdbc.sql("""
                update import_job set content = ''::bytea
                 where created_at < now() - interval '30 days' and octet_length(content) > 0
                """).update();
        jdbc.sql("""
                update import_job set status = 'FAILED', error = 'interrupted', finished_at = now()
                 where status = 'RUNNING' and created_at < now() - interval '1 day'
                """).update();
    }
}
