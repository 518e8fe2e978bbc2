package jp.joren.forecast;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A shop's fitted models, or why they are not to be trusted: the model of visits (of the kind that forecast
 * the shop's own held-out half-year better, see {@link ModelChoice}) and the spend per visit. Pooled across
 * customers the models need far fewer than the 500 paying customers of the big tools, but not none: below
 * {@value #MIN_CUSTOMERS} customers, or {@value #MIN_REPEAT_CUSTOMERS} who came back, the estimates are
 * mostly noise.
 */
record ShopFit(VisitModelKind kind, VisitModel visits, GammaGamma spend, double logLikelihood,
               double spendLogLikelihood, int customers, int repeatCustomers, Unreliable reason) {

    static final int MIN_CUSTOMERS = 100;
    static final int MIN_REPEAT_CUSTOMERS = 30;

    enum Unreliable { TOO_FEW_CUSTOMERS, TOO_FEW_REPEAT_CUSTOMERS, NOT_CONVERGED, AT_BOUND, SPEND_NOT_FITTED }

    /**
     * Both parts fitted to the shop's visits: the visits with the {@code chosen} kind, or, when no hold-out
     * chose one, with the kind whose fit is likelier (both have four parameters, so likelihood is a fair
     * judge between them).
     */
    static ShopFit of(List<VisitHistory> histories, Optional<VisitModelKind> chosen) {
        return of(histories, chosen, Optional.empty());
    }

    /** The same, each kind's search starting from {@code previous} when it is of that kind (last night's fit). */
    static ShopFit of(List<VisitHistory> histories, Optional<VisitModelKind> chosen, Optional<VisitModel> previous) {
        return fit(histories, chosen, true, previous);
    }

    /** The visits' model alone, of one kind: the hold-out check has no use for spend. */
    static ShopFit ofVisits(List<VisitHistory> histories, VisitModelKind kind) {
        return fit(histories, Optional.of(kind), false, Optional.empty());
    }

    private static ShopFit fit(List<VisitHistory> histories, Optional<VisitModelKind> chosen, boolean withSpend,
            Optional<VisitModel> previous) {
        int customers = histories.size();
        int repeatCustomers = (int) histories.stream().filter(h -> h.repeatVisits() > 0).count();
        VisitModelKind named = chosen.orElse(null);
        if (customers < MIN_CUSTOMERS) {
            return new ShopFit(named, null, null, Double.NaN, Double.NaN, customers, repeatCustomers,
                    Unreliable.TOO_FEW_CUSTOMERS);
        }
        if (repeatCustomers < MIN_REPEAT_CUSTOMERS) {
            return new ShopFit(named, null, null, Double.NaN, Double.NaN, customers, repeatCustomers,
                    Unreliable.TOO_FEW_REPEAT_CUSTOMERS);
        }
        record Candidate(VisitModelKind kind, MaximumLikelihood.Fitted<? extends VisitModel> fitted) {
        }
        Candidate visits = (chosen.isPresent() ? Stream.of(chosen.get()) : Stream.of(VisitModelKind.values()))
                .map(kind -> new Candidate(kind, kind.fit(histories, previous)))
                .max(Comparator.comparingDouble(c -> usable(c.fitted()) ? c.fitted().logLikelihood() : Double.NEGATIVE_INFINITY))
                .orElseThrow();
        var spend = withSpend ? MaximumLikelihood.gammaGamma(histories) : null;
        Unreliable reason = !visits.fitted().converged() ? Unreliable.NOT_CONVERGED
                : visits.fitted().atBound() ? Unreliable.AT_BOUND
                // a mean spend needs q > 1: with a lighter tail the model has no finite mean to expect
                : spend != null && (!spend.converged() || spend.atBound() || spend.model().q() <= 1)
                        ? Unreliable.SPEND_NOT_FITTED
                : null;
        return new ShopFit(visits.kind(), visits.fitted().model(), spend == null ? null : spend.model(),
                visits.fitted().logLikelihood(), spend == null ? Double.NaN : spend.logLikelihood(), customers,
                repeatCustomers, reason);
    }

    private static boolean usable(MaximumLikelihood.Fitted<?> fitted) {
        return fitted.converged() && !fitted.atBound() && Double.isFinite(fitted.logLikelihood());
    }

    boolean reliable() {
        return reason == null;
    }
}
