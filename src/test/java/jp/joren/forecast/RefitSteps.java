package jp.joren.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Times the steps of one refit, the forecast's own internals, for the benchmark in jp.joren.benchmarks: the
 * benchmark reads the figures without the forecast publishing its steps to the other features. Runs inside the
 * caller's shop.
 */
@Component
public class RefitSteps {

    private final ShopHistories histories;
    private final ForecastStore store;

    RefitSteps(ShopHistories histories, ForecastStore store) {
        this.histories = histories;
        this.store = store;
    }

    /**
     * What one refit did, step by step, in lines for the benchmark's report.
     * @throws IllegalStateException when the shop's fit is not reliable (the benchmark's shop must fit)
     */
    public List<String> timeOn(LocalDate today) {
        List<String> report = new ArrayList<>();
        long started = System.nanoTime();
        List<ShopHistories.CustomerHistory> customers = histories.asOf(today);
        double read = seconds(started);
        started = System.nanoTime();
        List<ShopHistories.HeldOut> heldOut = histories.heldOut(today.minusDays(Calibration.HOLDOUT_DAYS), today);
        ModelChoice choice = ModelChoice.on(heldOut, today.minusDays(Calibration.HOLDOUT_DAYS), today);
        double checking = seconds(started);
        started = System.nanoTime();
        ShopFit fit = ShopFit.of(customers.stream().map(ShopHistories.CustomerHistory::visits).toList(), choice.winner());
        double fitting = seconds(started);
        report.add("the fit: %s; %s; %s; log-likelihood %.1f".formatted(fit.reliable() ? "reliable" : "NOT reliable: "
                + fit.reason(), fit.visits(), fit.spend(), fit.logLikelihood()));
        if (!fit.reliable()) {
            throw new IllegalStateException("the benchmark shop's fit is not reliable: " + fit.reason());
        }
        started = System.nanoTime();
        CustomerScores scores = CustomerScores.of(fit, customers);
        double scoring = seconds(started);
        started = System.nanoTime();
        store.saveFit(today, fit, choice);
        store.replaceScores(today, scores);
        double writing = seconds(started);
        long repeaters = customers.stream().filter(c -> c.visits().repeatVisits() > 0).count();
        report.add("the steps of a refit: read %,d customers' histories (%,d with repeat visits) %.2f s; the hold-out check (read, fit both models to the visits before it, forecast it) %.2f s; fit the chosen model and spend %.2f s; score every customer %.2f s; write the fit and the scores %.2f s"
                .formatted(customers.size(), repeaters, read, checking, fitting, scoring, writing));
        report.add("the model chosen on the hold-out: %s (error in visits per customer: BG/NBD %s, Pareto/NBD %s)"
                .formatted(choice.winner().map(Enum::name).orElse("none: " + choice.unreliable()),
                        choice.errorOf(VisitModelKind.BG_NBD), choice.errorOf(VisitModelKind.PARETO_NBD)));
        choice.calibrationOf(fit.kind()).ifPresent(calibration -> {
            Calibration.Row total = calibration.total();
            report.add("the hold-out check from %s: %,d customers expected %.0f visits in the %d days, came %,d times (%+.1f%%)"
                    .formatted(calibration.from(), total.customers(), total.expectedVisits(), Calibration.HOLDOUT_DAYS,
                            total.actualVisits(),
                            100 * (total.expectedVisits() - total.actualVisits()) / total.actualVisits()));
        });
        return report;
    }

    /** The night on which a shop refitted {@code today} checks both models on its held-out half-year again. */
    public static LocalDate nextModelCheck(LocalDate today) {
        return today.plusDays(ModelChoice.RECHECK_DAYS);
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
