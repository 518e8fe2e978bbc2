package jp.joren.nightly;

import java.time.Clock;
import java.time.LocalDate;

import jp.joren.segments.PortfolioPolicyChanged;
import jp.joren.shops.ShopSettings;
import jp.joren.tenancy.CurrentTenant;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the owner starts: "run now", and the run that follows a change of the portfolio thresholds. The run
 * is registered at once, so the runs page shows it, and works in the background.
 */
@Service
class ManualRuns {

    private static final Log log = LogFactory.getLog(ManualRuns.class);

    private final ShopNightlyRun shopRun;
    private final ShopSettings shop;
    private final Clock clock;
    private final TaskExecutor executor;

    ManualRuns(ShopNightlyRun shopRun, ShopSettings shop, Clock clock,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.shopRun = shopRun;
        this.shop = shop;
        this.clock = clock;
        this.executor = executor;
    }

    /** Starts a run of the current shop for its today: registered now, worked in the background. */
    long start(long accountId) {
        long tenantId = CurrentTenant.require();
        LocalDate today = LocalDate.now(clock.withZone(shop.zone()));
        long runId = shopRun.startManual(today, accountId);
        executor.execute(() -> CurrentTenant.runAs(tenantId, () -> work(tenantId, runId, today)));
        return runId;
    }

    /** After the new thresholds are committed; the whole run, registration included, in the background. */
    @TransactionalEventListener
    void policyChanged(PortfolioPolicyChanged change) {
        executor.execute(() -> CurrentTenant.runAs(change.tenantId(), () -> {
            LocalDate today = LocalDate.now(clock.withZone(shop.zone()));
            work(change.tenantId(), shopRun.startManual(today, change.changedBy()), today);
        }));
    }

    private void work(long tenantId, long runId, LocalDate today) {
        try {
            shopRun.work(runId, today);
        } catch (RuntimeException e) {
            log.error("Run " + runId + " of shop " + tenantId + " failed", e);
        }
    }
}
