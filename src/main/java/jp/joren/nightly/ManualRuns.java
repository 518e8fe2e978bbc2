package jp.joren.nightly;

import java.time.LocalDate;
import java.util.Optional;

import jp.joren.segments.PortfolioPolicyChanged;
import jp.joren.shared.ShopJobQueue;
import jp.joren.shops.ShopSettings;
import jp.joren.tenancy.CurrentTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the owner starts: "run now", and the run that follows a change of the portfolio thresholds. The run
 * is registered at once, so the runs page shows it, and waits its turn in the shops' job queue. Pressing
 * "run now" while a run waits or works queues nothing more; new thresholds queue one run after a working
 * one (which read the old thresholds), but never a second waiting one.
 */
@Service
class ManualRuns {

    private static final Logger log = LoggerFactory.getLogger(ManualRuns.class);

    private final ShopNightlyRun shopRun;
    private final ShopSettings shop;
    private final ShopJobQueue queue;
    private final TransactionTemplate separately;

    ManualRuns(ShopNightlyRun shopRun, ShopSettings shop, ShopJobQueue queue,
            PlatformTransactionManager transactions) {
        this.shopRun = shopRun;
        this.shop = shop;
        this.queue = queue;
        // committed before the job is queued, so the worker finds it; and after a committed change of the
        // thresholds, in a transaction of its own rather than the one that has just ended
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private record Queued(long runId, LocalDate today) {
    }

    /** Queues a run of the current shop for its today; empty when one is already waiting or working. */
    Optional<Long> start(long accountId) {
        return request(CurrentTenant.require(), accountId, false);
    }

    /** After the new thresholds are committed. */
    @TransactionalEventListener
    void policyChanged(PortfolioPolicyChanged change) {
        CurrentTenant.runAs(change.tenantId(), () -> request(change.tenantId(), change.changedBy(), true));
    }

    private Optional<Long> request(long tenantId, long accountId, boolean evenIfWorking) {
        Optional<Queued> queued = separately.execute(status -> {
            LocalDate today = shop.today();
            return shopRun.requestManual(today, accountId, evenIfWorking).map(runId -> new Queued(runId, today));
        });
        queued.ifPresent(run -> queue.submit(tenantId,
                () -> CurrentTenant.runAs(tenantId, () -> work(tenantId, run.runId(), run.today())),
                () -> shopRun.heartbeat(tenantId, run.runId())));
        return queued.map(Queued::runId);
    }

    private void work(long tenantId, long runId, LocalDate today) {
        try {
            shopRun.workManual(runId, today);
        } catch (RuntimeException e) {
            log.error("Run " + runId + " of shop " + tenantId + " failed", e);
        }
    }
}
