package jp.joren.reminders.outbox;

import java.time.Clock;
import java.time.ZoneOffset;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * A sending job: the due messages of every shop that has some, one shop at a time, inside that shop; one
 * shop's failure stops no other. Each channel names the definer function that finds its shops (it reads
 * across shops, which row-level security would not let this job do) and how one shop is sent.
 */
@DisallowConcurrentExecution
@RequiredArgsConstructor
abstract class ShopByShopSending extends QuartzJobBean {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final JdbcClient jdbc;
    private final Clock clock;

    /** The function listing the shops with messages due at a time, e.g. {@code shops_with_email_due}. */
    abstract String shopsDue();

    /** Sends the current shop's due messages. */
    abstract void sendDue();

    @Override
    protected void executeInternal(JobExecutionContext context) {
        for (long tenant : jdbc.sql("select shop from " + shopsDue() + "(:now) shop")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).query(Long.class).list()) {
            try {
                CurrentTenant.runAs(tenant, this::sendDue);
            } catch (RuntimeException e) {
                log.error(getClass().getSimpleName() + " failed for shop " + tenant, e);
            }
        }
    }
}
