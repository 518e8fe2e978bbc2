package jp.joren.forecast;

import java.time.LocalDate;
import java.util.Optional;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a customer's forecast for the other features' pages. */
@Service
@RequiredArgsConstructor
public class CustomerForecasts {

    private final JdbcClient jdbc;

    /** Empty when the shop's history cannot support a forecast yet, or the customer has no visit. */
    @Transactional(readOnly = true)
    public Optional<CustomerForecast> of(long customerId) {
        return jdbc.sql("""
                        select f.fitted_on, c.probability_active, c.expected_visits_90d, c.expected_visits_12m,
                               c.expected_next_visit_on, c.expected_value_12m
                          from customer_forecast c
                          join forecast_fit f on f.tenant_id = :shop and f.tenant_id = c.tenant_id and f.reliable
                         where c.tenant_id = :shop and c.customer_id = :customer
                        """)
                .param("shop", CurrentTenant.require())
                .param("customer", customerId)
                .query((rs, row) -> new CustomerForecast(rs.getObject(1, LocalDate.class), rs.getDouble(2),
                        rs.getDouble(3), rs.getDouble(4), rs.getObject(5, LocalDate.class), rs.getLong(6)))
                .optional();
    }

    /** Empty for a customer without a visit. */
    @Transactional(readOnly = true)
    public Optional<NextVisit> nextVisit(long customerId, LocalDate today) {
        return jdbc.sql("""
                        select cp.last_visit, cp.lapsed, %s as expected_on
                          from customer_portfolio cp
                        %s
                         where cp.tenant_id = :shop and cp.customer_id = :customer
                        """.formatted(NextVisit.EXPECTED_ON, NextVisit.JOINS))
                .param("shop", CurrentTenant.require())
                .param("customer", customerId)
                .query((rs, row) -> NextVisit.of(rs.getObject("expected_on", LocalDate.class),
                        rs.getObject("last_visit", LocalDate.class), rs.getBoolean("lapsed"), today))
                .optional();
    }
}
