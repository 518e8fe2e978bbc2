package jp.joren.reminders;

import java.time.Clock;
import java.time.ZoneOffset;

import jp.joren.tenancy.CurrentTenant;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Pushes the due LINE messages of every shop that has some, one shop at a time; one shop's failure stops no other. */
@DisallowConcurrentExecution
class LineDispatchJob extends QuartzJobBean {

    private static final Log log = LogFactory.getLog(LineDispatchJob.class);

    private final JdbcClient jdbc;
    private final LineOutboxSender sender;
    private final Clock clock;

    LineDispatchJob(JdbcClient jdbc, LineOutboxSender sender, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        for (long tenant : jdbc.sql("select shop from shops_with_line_due(:now) shop")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).query(Long.class).list()) {
            try {
                CurrentTenant.callAs(tenant, sender::sendDue);
            } catch (RuntimeException e) {
                log.error("Sending the LINE messages of shop " + tenant + " failed", e);
            }
        }
    }
}
