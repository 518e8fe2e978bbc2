package jp.joren.forecast;

import java.util.List;

/**
 * Every customer's forecast from a reliable fit, in columns, ready to be written in one statement.
 * The next visit is counted in days from the as-of date.
 */
record CustomerScores(long[] customerIds, float[] probabilityActive, float[] visits90Days, float[] visits12Months,
                      int[] daysToNextVisit, long[] value12Months) {

    static final double WEEKS_90_DAYS = 90 / 7.0;
    static final double WEEKS_12_MONTHS = 365 / 7.0;
    private static final int MAX_DAYS_AHEAD = 36_500;

    static CustomerScores of(ShopFit fit, List<ShopHistories.CustomerHistory> customers) {
        int n = customers.size();
        CustomerScores s = new CustomerScores(new long[n], new float[n], new float[n], new float[n], new int[n], new long[n]);
        VisitModel visits = fit.visits();
        for (int i = 0; i < n; i++) {
            VisitHistory h = customers.get(i).visits();
            s.customerIds[i] = customers.get(i).customerId();
            s.probabilityActive[i] = (float) visits.probabilityActive(h);
            s.visits90Days[i] = (float) visits.expectedVisits(WEEKS_90_DAYS, h);
            double visits12Months = visits.expectedVisits(WEEKS_12_MONTHS, h);
            s.visits12Months[i] = (float) visits12Months;
            // the observation ends with the day before the as-of date
            double days = Math.ceil(visits.medianWeeksToNextVisitIfActive(h) * 7) - 1;
            s.daysToNextVisit[i] = (int) Math.max(0, Math.min(days, MAX_DAYS_AHEAD));
            s.value12Months[i] = Math.round(visits12Months * fit.spend().expectedSpend(h.repeatVisits(), h.meanRepeatSpend()));
        }
        return s;
    }
}
