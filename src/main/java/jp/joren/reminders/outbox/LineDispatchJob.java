package jp.joren.reminders.outbox;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Pushes the due LINE messages of every shop that has some. */
class LineDispatchJob extends ShopByShopSending {

    private final LineOutboxSender sender;

    LineDispatchJob(JdbcClient jdbc, LineOutboxSender sender, Clock clock) {
        super(jdbc, clock);
        this.sender = sender;
    }

    @Override
    String shopsDue() {
        return "shops_with_line_due";
    }

    @Override
    void sendDue() {
        sender.sendDue();
    }
}
