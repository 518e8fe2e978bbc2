package jp.joren.segments;

/**
 * What the night measured over the whole shop before an as-of date: the inputs of the automatic thresholds
 * and of the amount threshold. Gaps are days between a customer's consecutive visits; null when none.
 */
record ShopFigures(int visitsTotal, int visitsLastYear, long amountLastYear, Integer medianGapDays,
        Integer medianFirstGapDays, Integer gapP90Days) {
}
