package jp.joren.reminders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current shop's reminder limits, the defaults until the owner changes them. */
@Repository
public class ReminderPolicies {

    private final JdbcClient jdbc;

    ReminderPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ReminderPolicy current() {
        return jdbc.sql("select frequency_cap_days from reminder_policy")
                .query((rs, row) -> new ReminderPolicy(rs.getInt("frequency_cap_days")))
                .optional().orElse(ReminderPolicy.DEFAULTS);
    }
}
