package jp.joren.reminders;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current shop's rule settings: each rule's saved row, or its defaults (off) when the owner never saved it. */
@Repository
public class ReminderRules {

    private final JdbcClient jdbc;

    ReminderRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rule, in the order of {@link ReminderRule}. */
    public Map<ReminderRule, RuleSettings> all() {
        Map<ReminderRule, RuleSettings> settings = new EnumMap<>(ReminderRule.class);
        for (ReminderRule rule : ReminderRule.values()) {
            if (rule.isRule()) {
                settings.put(rule, rule.defaults());
            }
        }
        jdbc.sql("""
                        select rule, enabled, timing_days, holdout_percent, coupon_kind, coupon_value, coupon_cap,
                               coupon_valid_days, subject, body, forecast_below_percent
                          from reminder_rule""")
                .query((rs, row) -> {
                    ReminderRule rule = ReminderRule.valueOf(rs.getString("rule"));
                    String kind = rs.getString("coupon_kind");
                    Offer offer = kind == null ? null : new Offer(Offer.CouponKind.valueOf(kind),
                            rs.getInt("coupon_value"), rs.getObject("coupon_cap", Long.class),
                            rs.getObject("coupon_valid_days", Integer.class) == null ? 30 : rs.getInt("coupon_valid_days"));
                    return new RuleSettings(rule, rs.getBoolean("enabled"), rs.getObject("timing_days", Integer.class),
                            rs.getInt("holdout_percent"), offer, rs.getString("subject"), rs.getString("body"),
                            rs.getObject("forecast_below_percent", Integer.class));
                })
                .list().forEach(saved -> settings.put(saved.rule(), saved));
        return settings;
    }

    public RuleSettings get(ReminderRule rule) {
        return all().get(rule);
    }

    public void save(RuleSettings settings) {
        Offer offer = settings.offer();
        jdbc.sql("""
                        insert into reminder_rule (tenant_id, rule, enabled, timing_days, holdout_percent, coupon_kind,
                                                   coupon_value, coupon_cap, coupon_valid_days, subject, body,
                                                   forecast_below_percent)
                        values (app_current_tenant(), :rule, :enabled, :timing, :holdout, :kind, :value, :cap,
                                :validDays, :subject, :body, :forecastBelow)
                        on conflict (tenant_id, rule) do update
                           set enabled = excluded.enabled, timing_days = excluded.timing_days,
                               holdout_percent = excluded.holdout_percent, coupon_kind = excluded.coupon_kind,
                               coupon_value = excluded.coupon_value, coupon_cap = excluded.coupon_cap,
                               coupon_valid_days = excluded.coupon_valid_days, subject = excluded.subject,
                               body = excluded.body, forecast_below_percent = excluded.forecast_below_percent,
                               updated_at = now()""")
                .param("rule", settings.rule().name())
                .param("enabled", settings.enabled())
                .param("timing", settings.rule().hasTiming() ? settings.timingDays() : null)
                .param("holdout", settings.holdoutPercent())
                .param("kind", offer == null ? null : offer.kind().name())
                .param("value", offer == null ? null : offer.value())
                .param("cap", offer == null ? null : offer.capYen())
                .param("validDays", offer == null ? null : offer.validDays())
                .param("subject", blankToNull(settings.subject()))
                .param("body", blankToNull(settings.body()))
                .param("forecastBelow", settings.rule() == ReminderRule.EARLY_LAPSE ? settings.forecastBelowPercent() : null)
                .update();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
