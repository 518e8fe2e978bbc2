package jp.joren.join;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;

import jp.joren.catalog.ProductChoice;
import jp.joren.customers.ConsentChannel;
import jp.joren.customers.ConsentLedger;
import jp.joren.customers.ConsentState;
import jp.joren.customers.CustomerRegistry;
import jp.joren.customers.OwnedProducts;
import jp.joren.tenancy.CurrentTenant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sign-up on the public page, in the shop's tenant context. The email consent is written pending; the
 * confirmation link ({@link EmailConfirmations}) makes it count. Signing up again with the same email creates
 * no second customer: it sends a fresh link (and the page says the same either way, so the form never
 * tells a stranger who is a customer).
 */
@Service
class PublicSignup {

    /** The wording of the public page's consent question; a new wording gets a new version. */
    static final String WORDING = "join-2026-11";

    private final JdbcClient jdbc;
    private final CustomerRegistry customers;
    private final ConsentLedger consents;
    private final OwnedProducts ownedProducts;
    private final Clock clock;
    private final int maxPerAddress;
    private final Duration window;
    private final EmailConfirmations confirmations;

    PublicSignup(JdbcClient jdbc, CustomerRegistry customers, ConsentLedger consents, OwnedProducts ownedProducts,
            Clock clock, JoinProperties limits, EmailConfirmations confirmations) {
        this.confirmations = confirmations;
        this.jdbc = jdbc;
        this.customers = customers;
        this.consents = consents;
        this.ownedProducts = ownedProducts;
        this.clock = clock;
        this.maxPerAddress = limits.maxPerAddress();
        this.window = limits.window();
    }

    /** A confirmation link to mail after the commit: the address, and the link's token. */
    record ConfirmationLink(String email, String token) {
    }

    /**
     * What the mailer needs after the commit: the link to send (null: no email to send); and the customer this
     * sign-up registered (null when it found one already known: a visitor who typed someone else's address is
     * never handed a way into that customer's record, such as a LINE link code).
     */
    record Outcome(@Nullable ConfirmationLink link, @Nullable Long registered) {

        static final Outcome NOTHING_TO_SEND = new Outcome(null, null);
    }

    Optional<Long> shopFor(String slug) {
        return jdbc.sql("select id from shop_id_for_slug(?) id where id is not null").param(slug).query(Long.class).optional();
    }

    /**
     * Counts this attempt; true when the address has made too many within the window. Attempts from one
     * address at one shop take turns (a lock until the commit), so parallel ones each see the others.
     */
    @Transactional
    boolean tooManyAttempts(String clientAddress) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended('join:' || app_current_tenant() || ':' || ?, 0))")
                .param(clientAddress).query(Integer.class).single();
        jdbc.sql("insert into join_attempt (tenant_id, client_address) values (app_current_tenant(), ?)")
                .param(clientAddress).update();
        return jdbc.sql("""
                        select count(*) from join_attempt
                         where tenant_id = app_current_tenant() and client_address = ? and attempted_at > ?
                        """)
                .params(clientAddress, clock.instant().minus(window).atOffset(ZoneOffset.UTC))
                .query(Long.class).single() > maxPerAddress;
    }

    @Transactional
    Outcome signUp(JoinForm form, Optional<ProductChoice> model, String clientAddress) {
        String email = form.getEmail().isBlank() ? null : form.getEmail();
        Optional<Long> existing = email == null ? Optional.empty() : customers.idForEmail(email);
        long customerId = existing.orElseGet(() -> register(form, model, clientAddress));
        Long registered = existing.isPresent() ? null : customerId;
        if (email == null || !form.isEmailConsent()) {
            return new Outcome(null, registered);
        }
        if (existing.isPresent()) {
            if (consents.current(customerId).get(ConsentChannel.EMAIL) == ConsentState.GRANTED) {
                return Outcome.NOTHING_TO_SEND;
            }
            consents.recordByCustomer(customerId, ConsentChannel.EMAIL, true, true, "PUBLIC_PAGE", WORDING, clientAddress);
        }
        return new Outcome(new ConfirmationLink(email, confirmations.issue(customerId, email)), registered);
    }

    /**
     * A customer the shop knows asks for email again (they unsubscribed by mistake): a pending consent, written
     * as made by {@code method}, and a confirmation link to their address. Empty outcome without an address.
     */
    @Transactional
    Outcome askToConfirm(long customerId, String method, String clientAddress) {
        Optional<String> email = jdbc.sql("""
                        select email from customer
                         where tenant_id = :shop and id = :customer and status = 'ACTIVE' and coalesce(email, '') <> ''""")
                .param("shop", CurrentTenant.require()).param("customer", customerId)
                .query(String.class).optional();
        if (email.isEmpty()) {
            return Outcome.NOTHING_TO_SEND;
        }
        consents.recordByCustomer(customerId, ConsentChannel.EMAIL, true, true, method, WORDING, clientAddress);
        return new Outcome(new ConfirmationLink(email.get(), confirmations.issue(customerId, email.get())), null);
    }

    private long register(JoinForm form, Optional<ProductChoice> model, String clientAddress) {
        long id = customers.registerSelf(form.personalDetails());
        boolean emailGiven = !form.getEmail().isBlank();
        consents.recordByCustomer(id, ConsentChannel.EMAIL, emailGiven && form.isEmailConsent(),
                emailGiven && form.isEmailConsent(), "PUBLIC_PAGE", WORDING, clientAddress);
        consents.recordByCustomer(id, ConsentChannel.POSTAL, form.isPostalConsent(), false, "PUBLIC_PAGE", WORDING,
                clientAddress);
        model.ifPresent(product -> ownedProducts.registerByCustomer(id, product.modelId(), form.getPurchasedOn()));
        return id;
    }

}
