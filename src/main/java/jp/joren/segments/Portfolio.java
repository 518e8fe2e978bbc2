package jp.joren.segments;

import java.time.LocalDate;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The night's portfolio work for the current shop: today's cells and every missing month-end snapshot. */
@Service
@RequiredArgsConstructor
public class Portfolio {

    /** How far back the month-end snapshots reach: a year of movement, and the same month a year earlier. */
    static final int SNAPSHOT_MONTHS = 25;

    public record Classified(int customers, int visits) {
    }

    private final PortfolioClassifier classifier;
    private final MonthEnds monthEnds;
    private final PortfolioPolicies policies;

    /**
     * Classifies every customer as of {@code asOf} and takes the month-end snapshots that are missing.
     * Runs inside the caller's shop transaction; {@code progress} hears the name of each step as it starts.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Classified classify(LocalDate asOf, Consumer<String> progress) {
        PortfolioPolicy policy = policies.current();
        progress.accept("visits");
        int visits = classifier.gatherVisits(asOf);
        progress.accept("snapshots");
        LocalDate thisMonth = asOf.withDayOfMonth(1);
        // purchases dated before a month end already taken (late history, corrections): take those again
        monthEnds.staleSince().ifPresent(since -> monthEnds.forgetMonthEndsAfter(since));
        boolean thresholdsNeedGaps = policy.preset() == Preset.AUTO;
        Thresholds before = null;
        LocalDate previous = null;
        for (LocalDate monthAfter : monthEnds.monthsWithoutSnapshot(thisMonth.minusMonths(SNAPSHOT_MONTHS - 1), thisMonth)) {
            // the month before's thresholds: those of the previous turn, unless a month lies between
            if (before == null || !monthAfter.minusMonths(1).equals(previous)) {
                before = policy.resolve(classifier.figures(monthAfter.minusMonths(1), thresholdsNeedGaps));
            }
            Thresholds thresholds = basis(monthAfter, policy, thresholdsNeedGaps);
            monthEnds.snapshotMonth(monthAfter, thresholds, before);
            before = thresholds;
            previous = monthAfter;
        }
        progress.accept("classify");
        // today's expected intervals need the shop's median gaps whatever the thresholds
        ShopFigures figures = classifier.figures(asOf, true);
        Thresholds thresholds = policy.resolve(figures);
        classifier.recordBasis(asOf, thresholds, policy.fixedAmountThreshold() != null, figures);
        int customers = classifier.classifyCustomers(asOf, thresholds, figures);
        return new Classified(customers, visits);
    }

    @Transactional(readOnly = true)
    public PortfolioPolicy policy() {
        return policies.current();
    }

    /** New thresholds apply to the history too, so that a trend never mixes two ways of cutting. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetHistory() {
        monthEnds.forgetHistory();
    }

    private Thresholds basis(LocalDate asOf, PortfolioPolicy policy, boolean withGaps) {
        ShopFigures figures = classifier.figures(asOf, withGaps);
        Thresholds thresholds = policy.resolve(figures);
        classifier.recordBasis(asOf, thresholds, policy.fixedAmountThreshold() != null, figures);
        return thresholds;
    }
}
