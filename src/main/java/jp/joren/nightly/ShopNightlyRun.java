package jp.joren.nightly;

import java.time.LocalDate;
import java.util.List;

import jp.joren.shared.NightlyChore;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** One shop's night, inside that shop's tenant context; run twice for the same date, it changes nothing. */
@Service
class ShopNightlyRun {

    private final NightlyRuns runs;
    private final TransactionTemplate transaction;
    private final List<NightlyChore> chores;

    ShopNightlyRun(NightlyRuns runs, TransactionTemplate transaction, List<NightlyChore> chores) {
        this.runs = runs;
        this.transaction = transaction;
        this.chores = chores;
    }

    /** @return whether this call did the night's work (false: it had already been done) */
    boolean run(long tenantId, LocalDate businessDate) {
        return CurrentTenant.callAs(tenantId, () -> {
            try {
                return Boolean.TRUE.equals(transaction.execute(status -> runs.claim(businessDate).map(runId -> {
                    chores.forEach(chore -> chore.run(businessDate));
                    NightlyRuns.Counts counts = runs.countCustomersAndVisits(businessDate);
                    runs.succeed(runId, counts.customers(), counts.visits());
                    return true;
                }).orElse(false)));
            } catch (RuntimeException e) {
                recordFailure(businessDate, e);
                throw e;
            }
        });
    }

    /** The failed attempt rolled back with its work; the failure itself is kept, for the owner and the retry. */
    private void recordFailure(LocalDate businessDate, RuntimeException failure) {
        try {
            transaction.executeWithoutResult(status -> {
                runs.claim(businessDate);
                runs.fail(businessDate, failure.getClass().getSimpleName() + ": " + failure.getMessage());
            });
        } catch (RuntimeException couldNotRecord) {
            failure.addSuppressed(couldNotRecord);
        }
    }
}
