package jp.joren.forecast;

/**
 * What a model of visits answers for one customer's history: BG/NBD and Pareto/NBD answer the same three
 * questions, and each shop is forecast with the one that did better on its own held-out half-year.
 */
interface VisitModel {

    /** P(still a customer | history). */
    double probabilityActive(VisitHistory h);

    /** E[visits in the next {@code weeks} | history]. */
    double expectedVisits(double weeks, VisitHistory h);

    /** The median of the weeks from the end of the observation to the next visit, if still a customer. */
    double medianWeeksToNextVisitIfActive(VisitHistory h);
}
