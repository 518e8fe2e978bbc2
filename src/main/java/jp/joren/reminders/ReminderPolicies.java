package jp.joren.reminders;

import java.time.Clock;
import java.time.ZoneOffset;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current shop's reminder limits, the defaults until the owner changes them. */
@Repository
@RequiredArgsConstructor
public class ReminderPolicies {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ReminderPolicy current() {
        return jdbc.sql("select frequency_cap_days, emails_per_minute from reminder_policy where tenant_id = :shop")
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> new ReminderPolicy(rs.getInt("frequency_cap_days"), rs.getInt("emails_per_minute")))
                .optional().orElse(ReminderPolicy.DEFAULTS);
    }

    public void save(ReminderPolicy policy) {
        jdbc.sql("""
                        insert into reminder_policy (tenant_id, frequency_cap_days, emails_per_minute)
                        values (app_current_tenant(), :cap, :rate)
                        on conflict (tenant_id) do update
                           set frequency_cap_days = excluded.frequency_cap_days,
                               emails_per_minute = excluded.emails_per_minute, updated_at = :now""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("cap", policy.frequencyCapDays())
                .param("rate", policy.emailsPerMinute())
                .update();
    }
}
