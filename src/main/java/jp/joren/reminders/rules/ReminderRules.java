package jp.joren.reminders.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import jp.joren.reminders.Offer;
import jp.joren.shared.EditConflict;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current shop's rule settings: each rule's saved row, or its defaults (off) when the owner never saved it. */
@Repository
@RequiredArgsConstructor
public class ReminderRules {

    private final JdbcClient jdbc;
    private final Clock clock;

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
                               coupon_valid_days, subject, body, forecast_below_percent, approve_each_night
                          from reminder_rule where tenant_id = :shop""")
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> {
                    ReminderRule rule = ReminderRule.valueOf(rs.getString("rule"));
                    String kind = rs.getString("coupon_kind");
                    Offer offer = kind == null ? null : new Offer(Offer.CouponKind.valueOf(kind),
                            rs.getInt("coupon_value"), rs.getObject("coupon_cap", Long.class),
                            rs.getObject("coupon_valid_days", Integer.class) == null ? 30 : rs.getInt("coupon_valid_days"));
                    return new RuleSettings(rule, rs.getBoolean("enabled"), rs.getObject("timing_days", Integer.class),
                            rs.getInt("holdout_percent"), offer, rs.getString("subject"), rs.getString("body"),
                            rs.getObject("forecast_below_percent", Integer.class), rs.getBoolean("approve_each_night"));
                })
                .list().forEach(saved -> settings.put(saved.rule(), saved));
        return settings;
    }

    public RuleSettings get(ReminderRule rule) {
        return all().get(rule);
    }

    /** Where each rule that is on starts from: the night's bound on its occasions and whether its batch waits. */
    public Map<ReminderRule, RuleStart> starts() {
        Map<ReminderRule, RuleStart> starts = new EnumMap<>(ReminderRule.class);
        jdbc.sql("""
                        select rule, active_from, approve_each_night or not first_batch_approved as awaits
                          from reminder_rule where tenant_id = :shop and enabled""")
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> {
                    starts.put(ReminderRule.valueOf(rs.getString("rule")),
                            new RuleStart(rs.getObject("active_from", LocalDate.class), rs.getBoolean("awaits")));
                    return null;
                })
                .list();
        return starts;
    }

    /**
     * Saves the owner's settings on the shop's day {@code today}. Turning the rule on, or changing when it
     * falls due, makes it start from today: occasions before are past and never sent (a rule turned on queued
     * every occasion of the last months at once). Turning it on also makes its next batch wait for approval.
     */
    public void save(RuleSettings settings, LocalDate today) {
        save(settings, today, null);
    }

    /**
     * The same, as a person saves the rule's page opened at {@code openedVersion} (null: whatever is saved).
     * @throws EditConflict when someone saved the rule since that page was opened; nothing is written then
     */
    public void save(RuleSettings settings, LocalDate today, Long openedVersion) {
        Offer offer = settings.offer();
        int saved = jdbc.sql("""
                        insert into reminder_rule as r (tenant_id, rule, enabled, timing_days, holdout_percent, coupon_kind,
                                                   coupon_value, coupon_cap, coupon_valid_days, subject, body,
                                                   forecast_below_percent, approve_each_night, active_from,
                                                   first_batch_approved, updated_at, version)
                        values (:shop, :rule, :enabled, :timing, :holdout, :kind, :value, :cap,
                                :validDays, :subject, :body, :forecastBelow, :approveEachNight, :today, false, :now, 1)
                        on conflict (tenant_id, rule) do update
                           set enabled = excluded.enabled, timing_days = excluded.timing_days,
                               holdout_percent = excluded.holdout_percent, coupon_kind = excluded.coupon_kind,
                               coupon_value = excluded.coupon_value, coupon_cap = excluded.coupon_cap,
                               coupon_valid_days = excluded.coupon_valid_days, subject = excluded.subject,
                               body = excluded.body, forecast_below_percent = excluded.forecast_below_percent,
                               approve_each_night = excluded.approve_each_night,
                               active_from = case when (excluded.enabled and not r.enabled)
                                                       or excluded.timing_days is distinct from r.timing_days
                                                       or excluded.forecast_below_percent is distinct from r.forecast_below_percent
                                                  then excluded.active_from else r.active_from end,
                               first_batch_approved = r.first_batch_approved and not (excluded.enabled and not r.enabled),
                               updated_at = excluded.updated_at, version = r.version + 1
                         where r.tenant_id = :shop and (cast(:version as bigint) is null or r.version = :version)""")
                .param("shop", CurrentTenant.require())
                .param("version", openedVersion)
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
                .param("approveEachNight", settings.approveEachNight())
                .param("today", today)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        if (saved == 0) {
            throw new EditConflict();
        }
    }

    /** The version of the rule as a person last saved it (0: never saved), for the page to send back. */
    public long version(ReminderRule rule) {
        return jdbc.sql("select version from reminder_rule where tenant_id = :shop and rule = :rule")
                .param("shop", CurrentTenant.require()).param("rule", rule.name())
                .query(Long.class).optional().orElse(0L);
    }

    /** The channels each rule tries, in order (the default for a rule never saved). */
    public Map<ReminderRule, ChannelOrder> channelOrders() {
        Map<ReminderRule, ChannelOrder> orders = new EnumMap<>(ReminderRule.class);
        for (ReminderRule rule : ReminderRule.values()) {
            if (rule.isRule()) {
                orders.put(rule, ChannelOrder.DEFAULT);
            }
        }
        jdbc.sql("select rule, channel_order from reminder_rule where tenant_id = :shop")
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> orders.put(ReminderRule.valueOf(rs.getString("rule")),
                        ChannelOrder.ofStored(rs.getString("channel_order"))))
                .list();
        return orders;
    }

    /** The owner chose the channels the rule tries; the rule's other settings stay as they are. */
    public void saveChannelOrder(ReminderRule rule, ChannelOrder order) {
        jdbc.sql("""
                        insert into reminder_rule as r (tenant_id, rule, channel_order, updated_at)
                        values (:shop, :rule, :order, :now)
                        on conflict (tenant_id, rule) do update
                           set channel_order = excluded.channel_order, updated_at = excluded.updated_at
                         where r.tenant_id = :shop""")
                .param("shop", CurrentTenant.require())
                .param("rule", rule.name())
                .param("order", order.stored())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    /** The owner approved a batch of the rule: from now on its nights go out by themselves (unless asked otherwise). */
    public void firstBatchApproved(ReminderRule rule) {
        jdbc.sql("update reminder_rule set first_batch_approved = true where tenant_id = :shop and rule = :rule")
                .param("shop", CurrentTenant.require())
                .param("rule", rule.name())
                .update();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
