package jp.joren.join;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jp.joren.catalog.ProductChoice;
import jp.joren.customers.ConsentChannel;
import jp.joren.customers.ConsentLedger;
import jp.joren.customers.ConsentState;
import jp.joren.customers.CustomerRegistry;
import jp.joren.customers.OwnedProducts;
import jp.joren.tenancy.CurrentTenant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sign-up on the public page, in the shop's tenant context. The email consent is written pending; the
 * confirmation link (valid for 7 days, once) makes it count. Signing up again with the same email creates
 * no second customer: it sends a fresh link (and the page says the same either way, so the form never
 * tells a stranger who is a customer).
 */
@Service
class PublicSignup {

    /** The wording of the public page's consent question; a new wording gets a new version. */
    static final String WORDING = "join-2026-11";
    static final Duration LINK_VALIDITY = Duration.ofDays(7);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CustomerRegistry customers;
    private final ConsentLedger consents;
    private final OwnedProducts ownedProducts;
    private final Clock clock;
    private final int maxPerAddress;
    private final Duration window;
    private final ApplicationEventPublisher events;

    PublicSignup(JdbcClient jdbc, CustomerRegistry customers, ConsentLedger consents, OwnedProducts ownedProducts,
            Clock clock, JoinProperties limits, ApplicationEventPublisher events) {
        this.events = events;
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
        return new Outcome(new ConfirmationLink(email, newConfirmation(customerId, email)), registered);
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
        return new Outcome(new ConfirmationLink(email.get(), newConfirmation(customerId, email.get())), null);
    }

    private String newConfirmation(long customerId, String email) {
        String token = newToken();
        jdbc.sql("""
                        insert into join_confirmation (tenant_id, customer_id, token_hash, email, expires_at)
                        values (app_current_tenant(), :customer, :hash, :email, :expires)
                        """)
                .param("customer", customerId).param("hash", hash(token)).param("email", email)
                .param("expires", clock.instant().plus(LINK_VALIDITY).atOffset(ZoneOffset.UTC))
                .update();
        return token;
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

    enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, UNKNOWN }

    /** Whether the link can still confirm, without changing anything (the page the link opens). */
    @Transactional(readOnly = true)
    Confirmation check(String token) {
        return jdbc.sql("select confirmed_at, expires_at from join_confirmation where tenant_id = ? and token_hash = ?")
                .params(CurrentTenant.require(), hash(token))
                .query((rs, row) -> rs.getTimestamp("confirmed_at") != null ? Confirmation.ALREADY_CONFIRMED
                        : rs.getTimestamp("expires_at").toInstant().isBefore(clock.instant()) ? Confirmation.EXPIRED
                        : Confirmation.CONFIRMED)
                .optional().orElse(Confirmation.UNKNOWN);
    }

    /** Confirms once: appends the granted email consent to the ledger. */
    @Transactional
    Confirmation confirm(String token, String clientAddress) {
        Confirmation state = check(token);
        if (state != Confirmation.CONFIRMED) {
            return state;
        }
        Optional<Long> customer = jdbc.sql("""
                        update join_confirmation set confirmed_at = :now
                         where tenant_id = :shop and token_hash = :hash and confirmed_at is null and expires_at > :now
                        returning customer_id
                        """)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("shop", CurrentTenant.require())
                .param("hash", hash(token)).query(Long.class).optional();
        if (customer.isEmpty()) {
            return Confirmation.ALREADY_CONFIRMED;
        }
        consents.recordByCustomer(customer.get(), ConsentChannel.EMAIL, true, false, "PUBLIC_PAGE_CONFIRMED", WORDING,
                clientAddress);
        events.publishEvent(new EmailConsentConfirmed(customer.get()));
        return Confirmation.CONFIRMED;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
