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
record ModelChoice(Optional<VisitModelKind> winner, Map<VisitModelKind, Double> errors,
                   Map<VisitModelKind, Calibration> calibrations, ShopFit.Unreliable unreliable) {

    /** A shop's choice changes slowly: it is made again a week after the last check (see Forecasts). */
    static final int RECHECK_DAYS = 7;

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
        Map<VisitModelKind, Double> errors = new EnumMap<>(VisitModelKind.class);
        calibrations.forEach((kind, calibration) -> errors.put(kind, calibration.error()));
        return new ModelChoice(winner, errors, calibrations, winner.isPresent() ? null : unreliable);
    }

    /**
     * The choice of the last check, kept until the next: its winner and errors; its calibration table stays as
     * it was stored.
     */
    static ModelChoice remembered(VisitModelKind winner, Map<VisitModelKind, Double> errors) {
        return new ModelChoice(Optional.of(winner), errors, Map.of(), null);
    }

    /** Whether this choice was made on the held-out half-year now (false: remembered from the last check). */
    boolean checkedNow() {
        return !calibrations.isEmpty() || unreliable != null;
    }

    /** The hold-out check of the model that forecasts the shop. */
    Optional<Calibration> calibrationOf(VisitModelKind kind) {
        return Optional.ofNullable(kind == null ? null : calibrations.get(kind));
    }

    /** The error of each kind on the hold-out (visits per customer), null where it could not be fitted. */
    Double errorOf(VisitModelKind kind) {
        return errors.get(kind);
    }
}
