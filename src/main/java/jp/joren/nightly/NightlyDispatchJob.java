package jp.joren.nightly;

import java.time.Clock;
import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Runs the night of every shop that is due. One shop's failure is recorded on its run and does not stop
 * the others. Quartz's clustered store fires this on one node at a time.
 */
@DisallowConcurrentExecution
@RequiredArgsConstructor
class NightlyDispatchJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(NightlyDispatchJob.class);

    private final NightlyRuns runs;
    private final ShopNightlyRun shopRun;
    private final Clock clock;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        Instant now = clock.instant();
        for (NightlyRuns.DueShop due : runs.dueShops(now)) {
            try {
                shopRun.run(due.tenantId(), due.businessDate());
            } catch (RuntimeException e) {
                log.error("Nightly run of shop " + due.tenantId() + " for " + due.businessDate() + " failed", e);
            }
        }
    }
}
