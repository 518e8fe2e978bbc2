package jp.joren.segments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's place in the portfolio for the customer page: the current cell and the month-end history. */
@Service
@RequiredArgsConstructor
public class CustomerStandings {

    public record MonthCell(LocalDate month, Cell cell) {
    }

    private final JdbcClient jdbc;

    @Transactional(readOnly = true)
    public Optional<CustomerStanding> of(long customerId) {
        return jdbc.sql("""
                        select k.as_of, cp.segment, cp.lapsed, cp.visits, cp.tenure_days, k.as_of - cp.last_visit as lapse_days,
                               cp.amount, b.first_tenure_days,
                               b.second_tenure_days, b.lapse_days as lapse_threshold, b.amount_threshold
                          from customer_portfolio cp
                          join portfolio_classification k on k.tenant_id = :shop and k.tenant_id = cp.tenant_id
                          join portfolio_basis b on b.tenant_id = :shop and b.tenant_id = k.tenant_id and b.as_of = k.as_of
                         where cp.tenant_id = :shop and cp.customer_id = :customer
                        """)
                .param("shop", CurrentTenant.require())
                .param("customer", customerId)
                .query((rs, row) -> new CustomerStanding(rs.getObject("as_of", LocalDate.class),
                        new Cell(Segment.valueOf(rs.getString("segment")), rs.getBoolean("lapsed")), rs.getInt("visits"),
                        rs.getInt("tenure_days"), rs.getInt("lapse_days"), rs.getLong("amount"),
                        new Thresholds(rs.getInt("first_tenure_days"), rs.getInt("second_tenure_days"),
                                rs.getInt("lapse_threshold"), rs.getLong("amount_threshold"))))
                .optional();
    }

    /** The customer's cell at each recorded month end, latest first. */
    @Transactional(readOnly = true)
    public List<MonthCell> history(long customerId) {
        return jdbc.sql("""
                        select month, segment, lapsed from portfolio_snapshot
                         where tenant_id = ? and customer_id = ? order by month desc limit 24
                        """)
                .params(CurrentTenant.require(), customerId)
                .query((rs, row) -> new MonthCell(rs.getObject("month", LocalDate.class),
                        new Cell(Segment.valueOf(rs.getString("segment")), rs.getBoolean("lapsed"))))
                .list();
    }
}
