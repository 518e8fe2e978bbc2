package jp.joren.forecast;

import java.time.LocalDate;

/**
 * One customer's forecast as of {@code fittedOn}. The next visit is the day by which a customer who is
 * still active has even odds of having come.
 */
public record CustomerForecast(LocalDate fittedOn, double probabilityActive, double expectedVisits90Days,
                               double expectedVisits12Months, LocalDate expectedNextVisitOn, long expectedValue12Months) {

    public long probabilityActivePercent() {
        return Math.round(probabilityActive * 100);
    }
}
