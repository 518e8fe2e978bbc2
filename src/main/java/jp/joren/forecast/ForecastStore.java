package jp.joren.forecast;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes a shop's fit and its customers' forecasts, each in one statement whatever the shop's size. */
@Repository
@RequiredArgsConstructor
class ForecastStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * The shop's last fit: its model, the hold-out errors it was chosen by and the day of that check (the end of
     * the held-out half-year its calibration table keeps); empty before the first fit or when it had no model.
     */
    record LastFit(VisitModel visits, Map<VisitModelKind, Double> errors, LocalDate checkedOn) {

        /** The last check's choice, while it is less than {@link ModelChoice#RECHECK_DAYS} old on {@code asOf}. */
        Optional<ModelChoice> choiceStillValidOn(LocalDate asOf) {
            if (checkedOn == null || asOf.isBefore(checkedOn) || !asOf.isBefore(checkedOn.plusDays(ModelChoice.RECHECK_DAYS))) {
                return Optional.empty();
            }
            return Optional.of(ModelChoice.remembered(visits instanceof BgNbd ? VisitModelKind.BG_NBD
                    : VisitModelKind.PARETO_NBD, errors));
        }
    }

    Optional<LastFit> lastFit() {
        return jdbc.sql("""
                        select f.model, f.r, f.alpha, f.a, f.b, f.s, f.beta, f.bg_nbd_holdout_error,
                               f.pareto_nbd_holdout_error,
                               (select max(c.holdout_until) from forecast_calibration c
                                 where c.tenant_id = :shop and c.tenant_id = f.tenant_id) as checked_on
                          from forecast_fit f
                         where f.tenant_id = :shop and f.model is not null and f.r is not null""")
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> {
                    VisitModel visits = "BG_NBD".equals(rs.getString("model"))
                            ? new BgNbd(rs.getDouble("r"), rs.getDouble("alpha"), rs.getDouble("a"), rs.getDouble("b"))
                            : new ParetoNbd(rs.getDouble("r"), rs.getDouble("alpha"), rs.getDouble("s"), rs.getDouble("beta"));
                    Map<VisitModelKind, Double> errors = new EnumMap<>(VisitModelKind.class);
                    Optional.ofNullable(rs.getObject("bg_nbd_holdout_error", Double.class))
                            .ifPresent(error -> errors.put(VisitModelKind.BG_NBD, error));
                    Optional.ofNullable(rs.getObject("pareto_nbd_holdout_error", Double.class))
                            .ifPresent(error -> errors.put(VisitModelKind.PARETO_NBD, error));
                    return new LastFit(visits, errors, rs.getObject("checked_on", LocalDate.class));
                })
                .optional();
    }

    void saveFit(LocalDate asOf, ShopFit fit, ModelChoice choice) {
        BgNbd bg = fit.visits() instanceof BgNbd m ? m : null;
        ParetoNbd pareto = fit.visits() instanceof ParetoNbd m ? m : null;
        GammaGamma s = fit.spend();
        jdbc.sql("""
                        -- The shop's fitted forecast models: one row per shop, replaced by each fit
                        insert into forecast_fit (tenant_id, fitted_on, model, r, alpha, a, b, s, beta, p, q, gamma,
                                                  log_likelihood, spend_log_likelihood, customers, repeat_customers,
                                                  reliable, reason, bg_nbd_holdout_error, pareto_nbd_holdout_error,
                                                  holdout_reason)
                        values (:shop, :asOf, :model, :r, :alpha, :a, :b, :s, :beta, :p, :q, :gamma, :ll, :spendLl,
                                :customers, :repeatCustomers, :reliable, :reason, :bgError, :paretoError, :holdoutReason)
                        on conflict (tenant_id) do update
                           set fitted_on = excluded.fitted_on, model = excluded.model, r = excluded.r,
                               alpha = excluded.alpha, a = excluded.a, b = excluded.b, s = excluded.s,
                               beta = excluded.beta, p = excluded.p, q = excluded.q, gamma = excluded.gamma,
                               log_likelihood = excluded.log_likelihood,
                               spend_log_likelihood = excluded.spend_log_likelihood, customers = excluded.customers,
                               repeat_customers = excluded.repeat_customers, reliable = excluded.reliable,
                               reason = excluded.reason, bg_nbd_holdout_error = excluded.bg_nbd_holdout_error,
                               pareto_nbd_holdout_error = excluded.pareto_nbd_holdout_error,
                               holdout_reason = excluded.holdout_reason, fitted_at = :fittedAt
                        """)
                .param("shop", CurrentTenant.require())
                .param("asOf", asOf)
                .param("model", fit.kind() == null ? null : fit.kind().name())
                .param("r", bg != null ? Double.valueOf(bg.r()) : pareto != null ? Double.valueOf(pareto.r()) : null)
                .param("alpha", bg != null ? Double.valueOf(bg.alpha()) : pareto != null ? Double.valueOf(pareto.alpha()) : null)
                .param("a", bg == null ? null : bg.a())
                .param("b", bg == null ? null : bg.b())
                .param("s", pareto == null ? null : pareto.s())
                .param("beta", pareto == null ? null : pareto.beta())
                .param("bgError", choice.errorOf(VisitModelKind.BG_NBD))
                .param("paretoError", choice.errorOf(VisitModelKind.PARETO_NBD))
                .param("holdoutReason", choice.unreliable() == null ? null : choice.unreliable().name())
                .param("fittedAt", clock.instant().atOffset(ZoneOffset.UTC))
                .param("p", s == null ? null : s.p())
                .param("q", s == null ? null : s.q())
                .param("gamma", s == null ? null : s.gamma())
                .param("ll", finiteOrNull(fit.logLikelihood()))
                .param("spendLl", finiteOrNull(fit.spendLogLikelihood()))
                .param("customers", fit.customers())
                .param("repeatCustomers", fit.repeatCustomers())
                .param("reliable", fit.reliable())
                .param("reason", fit.reliable() ? null : fit.reason().name())
                .update();
    }

    /** Replaces the shop's forecasts with these; customers left out (no visit any more) lose theirs. */
    void replaceScores(LocalDate asOf, CustomerScores scores) {
        jdbc.sql("delete from customer_forecast where tenant_id = :shop and customer_id not in (select unnest(:ids))")
                .param("shop", CurrentTenant.require())
                .param("ids", scores.customerIds())
                .update();
        jdbc.sql("""
                        insert into customer_forecast (tenant_id, customer_id, probability_active, expected_visits_90d,
                                                       expected_visits_12m, expected_next_visit_on, expected_value_12m)
                        select app_current_tenant(), s.customer_id, s.probability_active, s.visits_90d, s.visits_12m,
                               cast(:asOf as date) + s.days_to_next, s.value_12m
                          from unnest(:ids, :probabilities, :visits90, :visits12, :daysToNext, :values)
                               as s (customer_id, probability_active, visits_90d, visits_12m, days_to_next, value_12m)
                            on conflict (tenant_id, customer_id) do update
                           set probability_active = excluded.probability_active,
                               expected_visits_90d = excluded.expected_visits_90d,
                               expected_visits_12m = excluded.expected_visits_12m,
                               expected_next_visit_on = excluded.expected_next_visit_on,
                               expected_value_12m = excluded.expected_value_12m
                        """)
                .param("asOf", asOf)
                .param("ids", scores.customerIds())
                .param("probabilities", scores.probabilityActive())
                .param("visits90", scores.visits90Days())
                .param("visits12", scores.visits12Months())
                .param("daysToNext", scores.daysToNextVisit())
                .param("values", scores.value12Months())
                .update();
    }

    void forgetScores() {
        jdbc.sql("delete from customer_forecast where tenant_id = :shop").param("shop", CurrentTenant.require()).update();
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    void replaceCalibration(Calibration calibration) {
        forgetCalibration();
        for (Calibration.Row row : calibration.rows()) {
            jdbc.sql("""
                            insert into forecast_calibration (tenant_id, repeat_visits, holdout_from, holdout_until, customers,
                                                              expected_visits, actual_visits)
                            values (app_current_tenant(), ?, ?, ?, ?, ?, ?)
                            """)
                    .params(row.repeatVisits(), calibration.from(), calibration.until(), row.customers(),
                            row.expectedVisits(), row.actualVisits())
                    .update();
        }
    }

    void forgetCalibration() {
        jdbc.sql("delete from forecast_calibration where tenant_id = :shop").param("shop", CurrentTenant.require()).update();
    }
}
