package jp.joren.reminders.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jp.joren.shared.Heartbeats;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The owner's "send now" requests of the current shop: at most one waits or sends at a time, and the outbox
 * page follows the latest. One whose heartbeat stopped (its node died) is interrupted and makes room for the next.
 */
@Repository
@RequiredArgsConstructor
class OutboxSendRequests {

    /** The latest request as the outbox page shows it; the delivery once it is done. */
    record SendRequest(long id, String status, Instant requestedAt, Instant finishedAt,
            OutboxSender.Delivery delivery, boolean interrupted) {

        /** Waiting or sending on a live node: the page keeps following it. */
        public boolean open() {
            return !interrupted && (status.equals("WAITING") || status.equals("SENDING"));
        }

        public String statusKey() {
            return "reminders.sendNow." + (interrupted ? "INTERRUPTED" : status);
        }
    }

    private final JdbcClient jdbc;

    /** A new request, or empty when one is already waiting or sending. */
    Optional<Long> request(Instant now) {
        jdbc.sql("""
                        update outbox_send_request set status = 'INTERRUPTED', finished_at = heartbeat_at
                         where tenant_id = :shop and status in ('WAITING', 'SENDING') and heartbeat_at < :staleBefore""")
                .param("shop", shop()).param("staleBefore", utc(now.minus(Heartbeats.STALE)))
                .update();
        return jdbc.sql("""
                        insert into outbox_send_request (tenant_id, status, requested_at, heartbeat_at)
                        values (:shop, 'WAITING', :now, :now)
                        on conflict (tenant_id) where status in ('WAITING', 'SENDING') do nothing
                        returning id""")
                .param("shop", shop()).param("now", utc(now))
                .query(Long.class).optional();
    }

    boolean begin(long id, Instant now) {
        return jdbc.sql("""
                        update outbox_send_request set status = 'SENDING', heartbeat_at = :now
                         where tenant_id = :shop and id = :id and status = 'WAITING'""")
                .param("shop", shop()).param("id", id).param("now", utc(now))
                .update() == 1;
    }

    void heartbeat(long id, Instant now) {
        jdbc.sql("""
                        update outbox_send_request set heartbeat_at = :now
                         where tenant_id = :shop and id = :id and status in ('WAITING', 'SENDING')""")
                .param("shop", shop()).param("id", id).param("now", utc(now))
                .update();
    }

    void done(long id, OutboxSender.Delivery delivery, Instant now) {
        jdbc.sql("""
                        update outbox_send_request
                           set status = 'DONE', finished_at = :now, sent = :sent, held = :held, retrying = :retrying,
                               failed = :failed, unconfirmed = :unconfirmed
                         where tenant_id = :shop and id = :id""")
                .param("now", utc(now)).param("sent", delivery.sent()).param("held", delivery.held())
                .param("retrying", delivery.retrying()).param("failed", delivery.failed())
                .param("unconfirmed", delivery.unconfirmed())
                .param("shop", shop()).param("id", id)
                .update();
    }

    void failed(long id, Instant now) {
        jdbc.sql("update outbox_send_request set status = 'FAILED', finished_at = :now where tenant_id = :shop and id = :id")
                .param("now", utc(now)).param("shop", shop()).param("id", id)
                .update();
    }

    Optional<SendRequest> latest(Instant now) {
        return jdbc.sql("""
                        select id, status, requested_at, finished_at, sent, held, retrying, failed, unconfirmed,
                               status in ('WAITING', 'SENDING') and heartbeat_at < :staleBefore as interrupted
                          from outbox_send_request
                         where tenant_id = :shop
                         order by requested_at desc, id desc
                         limit 1""")
                .param("shop", shop()).param("staleBefore", utc(now.minus(Heartbeats.STALE)))
                .query((rs, row) -> {
                    String status = rs.getString("status");
                    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
                    return new SendRequest(rs.getLong("id"), status,
                            rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                            finished == null ? null : finished.toInstant(),
                            status.equals("DONE") ? new OutboxSender.Delivery(rs.getInt("sent"), rs.getInt("held"),
                                    rs.getInt("retrying"), rs.getInt("failed"), rs.getInt("unconfirmed")) : null,
                            rs.getBoolean("interrupted") || status.equals("INTERRUPTED"));
                })
                .optional();
    }

    private static long shop() {
        return CurrentTenant.require();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
