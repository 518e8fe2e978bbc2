package jp.joren.nightly;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jp.joren.forecast.Forecasts;
import jp.joren.reminders.ReminderQueue;
import jp.joren.reminders.TodayListMaker;
import jp.joren.segments.Portfolio;
import jp.joren.shared.Heartbeats;
import jp.joren.shared.NightlyChore;
import jp.joren.shared.TableStatistics;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One shop's night, inside that shop's tenant context. The claim commits first, so the owner sees the run
 * and its steps while it works; the work itself is one transaction, so a failed night leaves nothing half
 * done, and running it again changes nothing.
 */
@Service
public class ShopNightlyRun {

    private final NightlyRuns runs;
    private final Portfolio portfolio;
    private final Forecasts forecasts;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separately;
    private final List<NightlyChore> chores;
    private final ReminderQueue reminders;
    private final TodayListMaker todayList;
    private final Heartbeats heartbeats;
    private final Clock clock;
    private final TableStatistics statistics;

    ShopNightlyRun(NightlyRuns runs, Portfolio portfolio, Forecasts forecasts, PlatformTransactionManager transactions,
            List<NightlyChore> chores, ReminderQueue reminders, TodayListMaker todayList, Heartbeats heartbeats,
            Clock clock, TableStatistics statistics) {
        this.runs = runs;
        this.statistics = statistics;
        this.todayList = todayList;
        this.heartbeats = heartbeats;
        this.clock = clock;
        this.reminders = reminders;
        this.portfolio = portfolio;
        this.forecasts = forecasts;
        this.transaction = new TransactionTemplate(transactions);
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.chores = chores;
    }

    /** The scheduled night. @return whether this call did the work (false: done already, or running elsewhere) */
    public boolean run(long tenantId, LocalDate businessDate) {
        return CurrentTenant.callAs(tenantId, () -> {
            Optional<Long> claimed = transaction.execute(status -> runs.claimScheduled(businessDate, clock.instant()));
            claimed.ifPresent(runId -> {
                try (Heartbeats.Beat beat = heartbeats.start(() -> heartbeat(tenantId, runId))) {
                    work(runId, businessDate);
                }
            });
            return claimed.isPresent();
        });
    }

    /** Queues a run the owner asked for; empty when one is already waiting (or working, unless {@code evenIfWorking}). */
    Optional<Long> requestManual(LocalDate businessDate, long accountId, boolean evenIfWorking) {
        return transaction.execute(status -> runs.requestManual(businessDate, accountId, clock.instant(), evenIfWorking));
    }

    /** Works a queued manual run, unless it no longer waits. */
    void workManual(long runId, LocalDate businessDate) {
        if (Boolean.TRUE.equals(transaction.execute(status -> runs.begin(runId, clock.instant())))) {
            work(runId, businessDate);
        }
    }

    /** Tells the runs page that the node holding this run is alive. */
    void heartbeat(long tenantId, long runId) {
        CurrentTenant.runAs(tenantId, () -> transaction.executeWithoutResult(status -> runs.heartbeat(runId, clock.instant())));
    }

    private void work(long runId, LocalDate businessDate) {
        try {
            transaction.executeWithoutResult(status -> {
                runs.lockShop();
                // steps are written beside the work, so the owner sees them before it commits
                Consumer<String> progress = step -> separately.executeWithoutResult(s -> runs.step(runId, step));
                progress.accept("chores");
                OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
                chores.forEach(chore -> chore.run(CurrentTenant.require(), now));
                Portfolio.Classified classified = portfolio.classify(businessDate, progress);
                forecasts.refit(businessDate, progress);
                progress.accept("reminders");
                reminders.queue(businessDate);
                progress.accept("today");
                todayList.make(businessDate);
                runs.succeed(runId, classified.customers(), classified.visits(), clock.instant());
            });
        } catch (RuntimeException e) {
            recordFailure(runId, e);
            throw e;
        }
        // the night rewrote the shop's portfolio, forecast and today's list: the day's pages are planned with
        // their true sizes, even where autovacuum is off or late
        statistics.refreshStale();
    }

    /** The failed attempt rolled back with its work; the failure itself is kept, for the owner and the retry. */
    private void recordFailure(long runId, RuntimeException failure) {
        try {
            transaction.executeWithoutResult(status ->
                    runs.fail(runId, failure.getClass().getSimpleName() + ": " + failure.getMessage(), clock.instant()));
        } catch (RuntimeException couldNotRecord) {
            failure.addSuppressed(couldNotRecord);
        }
    }
}
