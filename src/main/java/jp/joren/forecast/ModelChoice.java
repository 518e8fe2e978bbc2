package jp.joren.forecast;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which model of visits forecasts this shop: each kind is fitted to the visits before the hold-out
 * (the last {@value Calibration#HOLDOUT_DAYS} days) and forecasts it; the one whose forecast per number of
 * earlier repeat visits lies closer to the visits that came wins. {@code winner} is empty when neither could
 * be fitted to the earlier visits; {@code unreliable} then says why.
 */
record ModelChoice(Optional<VisitModelKind> winner, Map<VisitModelKind, Calibration> calibrations,
                   ShopFit.Unreliable unreliable) {

    static ModelChoice on(List<ShopHistories.HeldOut> heldOut, LocalDate from, LocalDate until) {
        List<VisitHistory> earlier = heldOut.stream().map(ShopHistories.HeldOut::beforeCutoff).toList();
        Map<VisitModelKind, Calibration> calibrations = new EnumMap<>(VisitModelKind.class);
        ShopFit.Unreliable unreliable = null;
        for (VisitModelKind kind : VisitModelKind.values()) {
            ShopFit fit = ShopFit.ofVisits(earlier, kind);
            if (fit.reliable()) {
                calibrations.put(kind, Calibration.of(fit.visits(), heldOut, from, until));
            } else if (unreliable == null) {
                unreliable = fit.reason();
            }
        }
        Optional<VisitModelKind> winner = calibrations.entrySet().stream()
                .min(Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(Calibration::error)))
                .map(Map.Entry::getKey);
        return new ModelChoice(winner, calibrations, winner.isPresent() ? null : unreliable);
    }

    /** The hold-out check of the model that forecasts the shop. */
    Optional<Calibration> calibrationOf(VisitModelKind kind) {
        return Optional.ofNullable(kind == null ? null : calibrations.get(kind));
    }

    /** The error of each kind on the hold-out (visits per customer), null where it could not be fitted. */
    Double errorOf(VisitModelKind kind) {
        Calibration calibration = calibrations.get(kind);
        return calibration == null ? null : calibration.error();
    }
}
