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

/** Sends the due email of every shop that has some, one shop at a time; one shop's failure stops no other. */
@DisallowConcurrentExecution
class OutboxDispatchJob extends QuartzJobBean {

    private static final Log log = LogFactory.getLog(OutboxDispatchJob.class);

    private final JdbcClient jdbc;
    private final OutboxSender sender;
    private final Clock clock;

    OutboxDispatchJob(JdbcClient jdbc, OutboxSender sender, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        for (long tenant : jdbc.sql("select shop from shops_with_email_due(:now) shop")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).query(Long.class).list()) {
            try {
                CurrentTenant.callAs(tenant, sender::sendDue);
            } catch (RuntimeException e) {
                log.error("Sending the email of shop " + tenant + " failed", e);
            }
        }
    }
}
