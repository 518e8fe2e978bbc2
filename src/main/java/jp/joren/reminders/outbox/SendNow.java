package jp.joren.reminders.outbox;

import java.time.Clock;
import java.util.Optional;

import jp.joren.shared.ShopJobQueue;
import jp.joren.tenancy.CurrentTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owner's "send now": a pass of the sender in the shops' job queue instead of the request (a slow mail
 * server would hold the page for minutes), one at a time per shop; the outbox page follows it.
 */
@Service
class SendNow {

    private static final Logger log = LoggerFactory.getLogger(SendNow.class);

    private final OutboxSendRequests requests;
    private final OutboxSender sender;
    private final LineOutboxSender lineSender;
    private final ShopJobQueue queue;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SendNow(OutboxSendRequests requests, OutboxSender sender, LineOutboxSender lineSender, ShopJobQueue queue,
            PlatformTransactionManager transactions, Clock clock) {
        this.requests = requests;
        this.sender = sender;
        this.lineSender = lineSender;
        this.queue = queue;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Queues a pass for the current shop; false when one is already waiting or sending. */
    boolean request() {
        long shop = CurrentTenant.require();
        Optional<Long> queued = transaction.execute(status -> requests.request(clock.instant()));
        queued.ifPresent(id -> queue.submit(shop, () -> CurrentTenant.runAs(shop, () -> send(id)),
                () -> CurrentTenant.runAs(shop, () ->
                        transaction.executeWithoutResult(status -> requests.heartbeat(id, clock.instant())))));
        return queued.isPresent();
    }

    Optional<OutboxSendRequests.SendRequest> latest() {
        return transaction.execute(status -> requests.latest(clock.instant()));
    }

    private void send(long id) {
        if (!Boolean.TRUE.equals(transaction.execute(status -> requests.begin(id, clock.instant())))) {
            return;
        }
        try {
            // the email, then the LINE messages (these only within the shop's send hours)
            OutboxSender.Delivery delivery = sender.sendDue().plus(lineSender.sendDue());
            transaction.executeWithoutResult(status -> requests.done(id, delivery, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Sending the outbox of shop {} failed", CurrentTenant.require(), e);
            transaction.executeWithoutResult(status -> requests.failed(id, clock.instant()));
        }
    }
}
