package jp.joren.reminders.outbox;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Sends the due email of every shop that has some. */
class OutboxDispatchJob extends ShopByShopSending {

    private final OutboxSender sender;

    OutboxDispatchJob(JdbcClient jdbc, OutboxSender sender, Clock clock) {
        super(jdbc, clock);
        this.sender = sender;
    }

    @Override
    String shopsDue() {
        return "shops_with_email_due";
    }

    @Override
    void sendDue() {
        sender.sendDue();
    }
}
