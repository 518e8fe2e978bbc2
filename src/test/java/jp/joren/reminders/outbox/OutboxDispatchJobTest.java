package jp.joren.reminders.outbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jp.joren.reminders.ReminderShop;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The clustered job finds every shop with email due, each under its own row-level security, and sends it. */
@JorenIntegrationTest
class OutboxDispatchJobTest {

    @Autowired
    ReminderShop.Opener opener;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxSender sender;

    @Test
    void theJobSendsTheDueEmailOfEachShop() {
        LocalDate today = LocalDate.now(Clock.system(ZoneId.of("Asia/Tokyo")));
        String[] addresses = new String[2];
        for (int i = 0; i < 2; i++) {
            ReminderShop shop = opener.open("ジョブの店" + i, today);
            shop.enable(ReminderRule.SECOND_VISIT, 0);
            addresses[i] = "job" + i + "-" + System.nanoTime() + "@example.jp";
            shop.buy(shop.customer("ジョブ " + i, addresses[i], true, false), 7);
            shop.night(today);
        }

        new OutboxDispatchJob(jdbc, sender, Clock.systemUTC()).executeInternal(null);

        assertThat(TestMailbox.get().to(addresses[0])).hasSize(1);
        assertThat(TestMailbox.get().to(addresses[1])).hasSize(1);
    }
}
