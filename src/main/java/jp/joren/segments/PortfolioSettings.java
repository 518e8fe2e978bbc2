package jp.joren.segments;

import java.time.LocalDate;
import java.util.Optional;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the current shop's portfolio policy; a change has the portfolio computed again. */
@Service
@RequiredArgsConstructor
class PortfolioSettings {

    /** The thresholds the last classification used, and the shop figures behind them. */
    public record Basis(LocalDate asOf, int firstTenureDays, int secondTenureDays, int lapseDays, long amountThreshold,
            boolean amountIsFixed, int visitsTotal, Long visitAmountLastYear, Integer medianGapDays,
            Integer gapP90Days) {
    }

    private final PortfolioPolicies policies;
    private final Portfolio portfolio;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    @Transactional(readOnly = true)
    public PortfolioPolicy policy() {
        return policies.current();
    }

    @Transactional(readOnly = true)
    public Optional<Basis> latestBasis() {
        return jdbc.sql("""
                        select as_of, first_tenure_days, second_tenure_days, lapse_days, amount_threshold, amount_is_fixed,
                               visits_total, visit_amount_last_year, median_gap_days, gap_p90_days
                          from portfolio_basis where tenant_id = ? order by as_of desc limit 1
                        """)
                .param(CurrentTenant.require())
                .query((rs, row) -> new Basis(rs.getObject("as_of", LocalDate.class), rs.getInt("first_tenure_days"),
                        rs.getInt("second_tenure_days"), rs.getInt("lapse_days"), rs.getLong("amount_threshold"),
                        rs.getBoolean("amount_is_fixed"), rs.getInt("visits_total"),
                        rs.getObject("visit_amount_last_year", Long.class), rs.getObject("median_gap_days", Integer.class),
                        rs.getObject("gap_p90_days", Integer.class)))
                .optional();
    }

    /** Saves the policy and forgets the history cut with the old one; the run that follows takes it again. */
    @Transactional
    public void update(PortfolioPolicy policy, long ownerId) {
        policies.save(policy);
        portfolio.forgetHistory();
        events.publishEvent(new PortfolioPolicyChanged(CurrentTenant.require(), ownerId));
    }
}
