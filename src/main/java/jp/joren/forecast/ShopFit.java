package jp.joren.forecast;

import java.util.List;

/**
 * A shop's two fitted models, or why they are not to be trusted. Pooled across customers the models need
 * far fewer than the 500 paying customers of the big tools, but not none: below
 * {@value #MIN_CUSTOMERS} customers, or {@value #MIN_REPEAT_CUSTOMERS} who came back, the estimates are
 * mostly noise.
 */
record ShopFit(BgNbd visits, GammaGamma spend, double logLikelihood, double spendLogLikelihood, int customers,
               int repeatCustomers, Unreliable reason) {

    static final int MIN_CUSTOMERS = 100;
    static final int MIN_REPEAT_CUSTOMERS = 30;

    enum Unreliable { TOO_FEW_CUSTOMERS, TOO_FEW_REPEAT_CUSTOMERS, NOT_CONVERGED, AT_BOUND, SPEND_NOT_FITTED }

    static ShopFit of(List<VisitHistory> histories) {
        return fit(histories, true);
    }

    /** The visits' model alone: the hold-out check has no use for spend. */
    static ShopFit ofVisits(List<VisitHistory> histories) {
        return fit(histories, false);
    }

    private static ShopFit fit(List<VisitHistory> histories, boolean withSpend) {
        int customers = histories.size();
        int repeatCustomers = (int) histories.stream().filter(h -> h.repeatVisits() > 0).count();
        if (customers < MIN_CUSTOMERS) {
            return new ShopFit(null, null, Double.NaN, Double.NaN, customers, repeatCustomers, Unreliable.TOO_FEW_CUSTOMERS);
        }
        if (repeatCustomers < MIN_REPEAT_CUSTOMERS) {
            return new ShopFit(null, null, Double.NaN, Double.NaN, customers, repeatCustomers,
                    Unreliable.TOO_FEW_REPEAT_CUSTOMERS);
        }
        var visits = MaximumLikelihood.bgNbd(histories);
        var spend = withSpend ? MaximumLikelihood.gammaGamma(histories) : null;
        Unreliable reason = !visits.converged() ? Unreliable.NOT_CONVERGED
                : visits.atBound() ? Unreliable.AT_BOUND
                // a mean spend needs q > 1: with a lighter tail the model has no finite mean to expect
                : spend != null && (!spend.converged() || spend.atBound() || spend.model().q() <= 1)
                        ? Unreliable.SPEND_NOT_FITTED
                : null;
        return new ShopFit(visits.model(), spend == null ? null : spend.model(), visits.logLikelihood(),
                spend == null ? Double.NaN : spend.logLikelihood(), customers, repeatCustomers, reason);
    }

    boolean reliable() {
        return reason == null;
    }
}
