package jp.joren.segments;

/** The owner changed how the current shop's customers are cut; the portfolio must be computed again. */
public record PortfolioPolicyChanged(long tenantId, long changedBy) {
}
