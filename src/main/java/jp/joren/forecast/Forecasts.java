package jp.joren.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The night's forecast for the current shop: choose the model of visits on the shop's held-out half-year
 * (once a week), refit it and the spend model to all its visits, then score every customer.
 */
@Service
@RequiredArgsConstructor
public class Forecasts {

    public record Refitted(int customers, boolean reliable) {
    }

    private final ShopHistories histories;
    private final ForecastStore store;

    /** Runs inside the caller's shop transaction; visits before {@code asOf} count. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Refitted refit(LocalDate asOf, Consumer<String> progress) {
        progress.accept("forecast");
        LocalDate cutoff = asOf.minusDays(Calibration.HOLDOUT_DAYS);
        Optional<ForecastStore.LastFit> last = store.lastFit();
        // the hold-out check fits both models to half a year less of visits: its answer changes slowly, so it is
        // made once a week, and the nights between fit only the chosen model, from where last night's ended
        ModelChoice choice = last.flatMap(fit -> fit.choiceStillValidOn(asOf))
                .orElseGet(() -> ModelChoice.on(histories.heldOut(cutoff, asOf), cutoff, asOf));
        List<ShopHistories.CustomerHistory> customers = histories.asOf(asOf);
        ShopFit fit = ShopFit.of(customers.stream().map(ShopHistories.CustomerHistory::visits).toList(), choice.winner(),
                last.map(ForecastStore.LastFit::visits));
        store.saveFit(asOf, fit, choice);
        if (fit.reliable()) {
            store.replaceScores(asOf, CustomerScores.of(fit, customers));
        } else {
            store.forgetScores();
        }
        if (choice.checkedNow()) {
            choice.calibrationOf(fit.kind()).ifPresentOrElse(store::replaceCalibration, store::forgetCalibration);
        }
        return new Refitted(customers.size(), fit.reliable());
    }
}
