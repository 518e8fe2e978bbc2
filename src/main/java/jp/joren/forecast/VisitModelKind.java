package jp.joren.forecast;

import java.util.List;

/** The two models of visits a shop can be forecast with, and how each is fitted. */
enum VisitModelKind {

    /** Customers drop out only just after a visit: a one-visit customer stays "active" for ever. */
    BG_NBD {
        @Override
        MaximumLikelihood.Fitted<? extends VisitModel> fit(List<VisitHistory> histories) {
            return MaximumLikelihood.bgNbd(histories);
        }
    },

    /** Customers drop out at any time: one who came once and never again fades as time passes. */
    PARETO_NBD {
        @Override
        MaximumLikelihood.Fitted<? extends VisitModel> fit(List<VisitHistory> histories) {
            return MaximumLikelihood.paretoNbd(histories);
        }
    };

    abstract MaximumLikelihood.Fitted<? extends VisitModel> fit(List<VisitHistory> histories);
}
