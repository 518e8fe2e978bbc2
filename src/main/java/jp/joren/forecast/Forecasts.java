package jp.joren.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The night's forecast for the current shop: refit both models to its visits, then score every customer. */
@Service
public class Forecasts {

    public record Refitted(int customers, boolean reliable) {
    }

    private final ShopHistories histories;
    private final ForecastStore store;

    Forecasts(ShopHistories histories, ForecastStore store) {
        this.histories = histories;
        this.store = store;
    }

    /** Runs inside the caller's shop transaction; visits before {@code asOf} count. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Refitted refit(LocalDate asOf, Consumer<String> progress) {
        progress.accept("forecast");
        List<ShopHistories.CustomerHistory> customers = histories.asOf(asOf);
        ShopFit fit = ShopFit.of(customers.stream().map(ShopHistories.CustomerHistory::visits).toList());
        store.saveFit(asOf, fit);
        if (fit.reliable()) {
            store.replaceScores(asOf, CustomerScores.of(fit, customers));
        } else {
            store.forgetScores();
        }
        calibrate(asOf);
        return new Refitted(customers.size(), fit.reliable());
    }

    /** The same fit to the visits before the hold-out, and its forecast of the hold-out beside what came. */
    private void calibrate(LocalDate asOf) {
        LocalDate cutoff = asOf.minusDays(Calibration.HOLDOUT_DAYS);
        List<ShopHistories.HeldOut> heldOut = histories.heldOut(cutoff, asOf);
        ShopFit earlier = ShopFit.ofVisits(heldOut.stream().map(ShopHistories.HeldOut::beforeCutoff).toList());
        if (earlier.reliable()) {
            store.replaceCalibration(Calibration.of(earlier.visits(), heldOut, cutoff, asOf));
        } else {
            store.forgetCalibration();
        }
    }
}
