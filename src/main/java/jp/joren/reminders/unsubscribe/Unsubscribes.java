package jp.joren.reminders.unsubscribe;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import jp.joren.customers.ConsentChannel;
import jp.joren.customers.ConsentLedger;
import jp.joren.join.EmailConsentConfirmed;
import jp.joren.join.EmailReconfirmations;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The unsubscribe link of every email (DESIGN.md §7). It needs no login and takes effect at once: the
 * withdrawal goes into the consent ledger, the address into the shop's suppression list (as a hash, so the
 * refusal outlives the customer's retirement), and the customer's waiting emails are held back. A mistake
 * can be undone only through the double opt-in of the public page: the refusal stands until the customer
 * confirms by the emailed link.
 */
@Service
public class Unsubscribes {

    /** Written in the consent ledger as how the withdrawal was made. */
    static final String METHOD = "UNSUBSCRIBE_LINK";

    private final JdbcClient jdbc;
    private final ConsentLedger consents;
    private final EmailReconfirmations reconfirmations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Unsubscribes(JdbcClient jdbc, ConsentLedger consents, EmailReconfirmations reconfirmations,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.reconfirmations = reconfirmations;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The shop and customer a link's token belongs to. */
    public record Recipient(long tenantId, long customerId, String shopName, boolean unsubscribed) {
    }

    public Optional<Recipient> find(String token) {
        return shopOf(token).flatMap(tenant -> CurrentTenant.callAs(tenant,
                () -> transaction.execute(status -> recipient(tenant, token))));
    }

    /** @return the recipient, now unsubscribed; empty for a token no message has */
    public Optional<Recipient> unsubscribe(String token, String clientAddress) {
        return shopOf(token).flatMap(tenant -> CurrentTenant.callAs(tenant, () -> transaction.execute(status -> {
            Optional<Recipient> recipient = recipient(tenant, token);
            recipient.filter(found -> !found.unsubscribed()).ifPresent(found -> {
                consents.recordByCustomer(found.customerId(), ConsentChannel.EMAIL, false, false, METHOD, null,
                        clientAddress);
                jdbc.sql("""
                                insert into email_suppression (tenant_id, address_hash)
                                select tenant_id, email_address_hash(email)
                                  from customer where tenant_id = :shop and id = :customer and coalesce(email, '') <> ''
                                on conflict do nothing""")
                        .param("shop", tenant)
                        .param("customer", found.customerId())
                        .update();
                jdbc.sql("update outbox_message set unsubscribed_at = :now where tenant_id = :shop and unsubscribe_token = :token")
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("shop", tenant)
                        .param("token", token)
                        .update();
                jdbc.sql("""
                                update outbox_message set status = 'HELD', reason = 'UNSUBSCRIBED'
                                 where tenant_id = :shop and customer_id = :customer and channel = 'EMAIL'
                                   and status in ('QUEUED', 'AWAITING_APPROVAL')""")
                        .param("shop", tenant)
                        .param("customer", found.customerId())
                        .update();
            });
            return recipient.map(found -> new Recipient(found.tenantId(), found.customerId(), found.shopName(), true));
        })));
    }

    /**
     * The way back after an unsubscribe by mistake: the same double opt-in as the public page, so the consent
     * counts only once the customer confirms by the emailed link. @return whether the link was sent
     */
    public boolean askToResubscribe(String token, String clientAddress, Locale locale) {
        return shopOf(token).map(tenant -> CurrentTenant.callAs(tenant, () -> transaction.execute(status ->
                recipient(tenant, token).filter(Recipient::unsubscribed)
                        .map(found -> reconfirmations.request(found.customerId(), clientAddress, locale))
                        .orElse(false)))).orElse(false);
    }

    /** The customer confirmed their address again: the refusal kept for it no longer stands. */
    @EventListener
    void confirmedAgain(EmailConsentConfirmed confirmed) {
        jdbc.sql("""
                        delete from email_suppression s
                         using customer cu
                         where s.tenant_id = :shop and cu.tenant_id = :shop and cu.id = :customer
                           and s.address_hash = email_address_hash(cu.email)""")
                .param("shop", CurrentTenant.require())
                .param("customer", confirmed.customerId())
                .update();
    }

    private Optional<Long> shopOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select id from shop_id_for_unsubscribe_token(:token) id where id is not null")
                .param("token", token).query(Long.class).optional();
    }

    private Optional<Recipient> recipient(long tenant, String token) {
        return jdbc.sql("""
                        select m.customer_id, s.name,
                               %s as unsubscribed
                          from outbox_message m
                          join customer cu on cu.tenant_id = :shop and cu.tenant_id = m.tenant_id and cu.id = m.customer_id
                          join shop s on s.id = m.tenant_id
                         where m.tenant_id = :shop and m.unsubscribe_token = :token""".formatted(Reachability.unsubscribed("cu")))
                .param("shop", tenant)
                .param("token", token)
                .query((rs, row) -> new Recipient(tenant, rs.getLong("customer_id"), rs.getString("name"),
                        rs.getBoolean("unsubscribed")))
                .optional();
    }
}
