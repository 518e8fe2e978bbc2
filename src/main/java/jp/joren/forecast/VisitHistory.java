package jp.joren.forecast;

/**
 * One customer's history as the models see it, as of the end of the observation: {@code repeatVisits} (x)
 * visits after the first, the last of them {@code weeksToLastVisit} (t_x) after the first, the observation
 * ending {@code weeksObserved} (T) after the first; {@code meanRepeatSpend} is the mean amount of those
 * repeat visits (0 without any).
 */
record VisitHistory(int repeatVisits, double weeksToLastVisit, double weeksObserved, double meanRepeatSpend) {

    VisitHistory {
        if (repeatVisits < 0 || weeksToLastVisit < 0 || weeksObserved < weeksToLastVisit
                || (repeatVisits == 0 && weeksToLastVisit != 0)) {
            throw new IllegalArgumentException("inconsistent history: x=%d t_x=%s T=%s"
                    .formatted(repeatVisits, weeksToLastVisit, weeksObserved));
        }
    }
}
