package jp.joren.forecast;

import java.util.List;
import java.util.Optional;

/** The two models of visits a shop can be forecast with, and how each is fitted. */
enum VisitModelKind {

    /** Customers drop out only just after a visit: a one-visit customer stays "active" for ever. */
    BG_NBD {
        @Override
        MaximumLikelihood.Fitted<? extends VisitModel> fit(List<VisitHistory> histories, Optional<VisitModel> from) {
            return MaximumLikelihood.bgNbd(histories, from.filter(BgNbd.class::isInstance).map(BgNbd.class::cast));
        }
    },

    /** Customers drop out at any time: one who came once and never again fades as time passes. */
    PARETO_NBD {
        @Override
        MaximumLikelihood.Fitted<? extends VisitModel> fit(List<VisitHistory> histories, Optional<VisitModel> from) {
            return MaximumLikelihood.paretoNbd(histories,
                    from.filter(ParetoNbd.class::isInstance).map(ParetoNbd.class::cast));
        }
    };

    /** Fitted by maximum likelihood, starting {@code from} a fit of this kind to much the same visits (last night's). */
    abstract MaximumLikelihood.Fitted<? extends VisitModel> fit(List<VisitHistory> histories, Optional<VisitModel> from);
}
