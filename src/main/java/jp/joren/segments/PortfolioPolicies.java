package jp.joren.segments;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portfolio_policy row of the current shop; a shop that never chose has the defaults. */
@Repository
@RequiredArgsConstructor
class PortfolioPolicies {

    private final JdbcClient jdbc;

    PortfolioPolicy current() {
        return jdbc.sql("""
                        select preset, first_tenure_days, second_tenure_days, lapse_days, amount_threshold,
                               amount_multiplier, neighbourhood_towns
                          from portfolio_policy
                         where tenant_id = ?
                        """)
                .param(CurrentTenant.require())
                .query((rs, row) -> new PortfolioPolicy(Preset.valueOf(rs.getString("preset")),
                        rs.getInt("first_tenure_days"), rs.getInt("second_tenure_days"), rs.getInt("lapse_days"),
                        rs.getObject("amount_threshold", Long.class), rs.getBigDecimal("amount_multiplier"),
                        towns(rs.getArray("neighbourhood_towns"))))
                .optional().orElseGet(PortfolioPolicy::defaults);
    }

    void save(PortfolioPolicy policy) {
        jdbc.sql("""
                        insert into portfolio_policy (tenant_id, preset, first_tenure_days, second_tenure_days, lapse_days,
                                                      amount_threshold, amount_multiplier, neighbourhood_towns)
                        values (app_current_tenant(), :preset, :first, :second, :lapse, :amount, :multiplier, :towns)
                        on conflict (tenant_id) do update
                           set preset = excluded.preset, first_tenure_days = excluded.first_tenure_days,
                               second_tenure_days = excluded.second_tenure_days, lapse_days = excluded.lapse_days,
                               amount_threshold = excluded.amount_threshold,
                               amount_multiplier = excluded.amount_multiplier,
                               neighbourhood_towns = excluded.neighbourhood_towns, updated_at = excluded.updated_at
                        """)
                .param("preset", policy.preset().name())
                .param("first", policy.firstTenureDays())
                .param("second", policy.secondTenureDays())
                .param("lapse", policy.lapseDays())
                .param("amount", policy.fixedAmountThreshold())
                .param("multiplier", policy.amountMultiplier())
                .param("towns", policy.neighbourhoodTowns().toArray(String[]::new))
                .update();
    }

    private static List<String> towns(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
