package jp.joren.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shop's last fit and its hold-out check, for the owner's page. */
@Repository
@RequiredArgsConstructor
class ShopForecastReads {

    private final JdbcClient jdbc;

    Optional<FitSummary> fit() {
        return jdbc.sql("""
                        select fitted_on, customers, repeat_customers, reason, model, bg_nbd_holdout_error,
                               pareto_nbd_holdout_error, holdout_reason
                          from forecast_fit where tenant_id = :shop""")
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> new FitSummary(rs.getObject("fitted_on", LocalDate.class), rs.getInt("customers"),
                        rs.getInt("repeat_customers"), rs.getString("reason"), rs.getString("model"),
                        rs.getObject("bg_nbd_holdout_error", Double.class),
                        rs.getObject("pareto_nbd_holdout_error", Double.class), rs.getString("holdout_reason")))
                .optional();
    }

    Optional<Calibration> calibration() {
        record Stored(LocalDate from, LocalDate until, Calibration.Row row) {
        }
        List<Stored> rows = jdbc.sql("""
                        select holdout_from, holdout_until, repeat_visits, customers, expected_visits, actual_visits
                          from forecast_calibration where tenant_id = :shop order by repeat_visits
                        """)
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> new Stored(rs.getObject("holdout_from", LocalDate.class),
                        rs.getObject("holdout_until", LocalDate.class), new Calibration.Row(rs.getInt("repeat_visits"),
                        rs.getInt("customers"), rs.getDouble("expected_visits"), rs.getLong("actual_visits"))))
                .list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Calibration(rows.get(0).from(), rows.get(0).until(),
                rows.stream().map(Stored::row).toList()));
    }
}
