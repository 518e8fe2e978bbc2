package jp.joren.reminders.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** When the outbox and the LINE outbox look for messages due (joren.reminders.*); tests set a cron that never fires. */
@ConfigurationProperties("joren.reminders")
record ReminderProperties(@DefaultValue("0/30 * * * * ?") String sendCron) {
}
