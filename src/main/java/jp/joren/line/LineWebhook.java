package jp.joren.line;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jp.joren.customers.ConsentChannel;
import jp.joren.customers.ConsentLedger;
import jp.joren.tenancy.CurrentTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What LINE tells a shop: a customer sending a valid link code of this shop links their LINE and grants LINE
 * consent; an unfollow (which is also what blocking sends) withdraws it at once. A request not signed with
 * the shop's channel secret is refused; a link event older than {@link #REPLAY_WINDOW} is ignored, so a
 * captured request replayed later links nobody.
 */
@Service
class LineWebhook {

    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    static final String LINK_METHOD = "LINE_LINK";
    static final String UNFOLLOW_METHOD = "LINE_UNFOLLOW";
    /** The wording the customer agreed to by sending the code (the page that shows the code says it). */
    static final String LINK_WORDING = "line-link-2026-12";

    private static final Logger log = LoggerFactory.getLogger(LineWebhook.class);

    enum Verdict { ACCEPTED, UNKNOWN_SHOP, BAD_SIGNATURE, MALFORMED }

    private final LineAccounts accounts;
    private final LineLinkCodes codes;
    private final LineFriends friends;
    private final ConsentLedger ledger;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LineWebhook(LineAccounts accounts, LineLinkCodes codes, LineFriends friends, ConsentLedger ledger, JsonMapper json,
            PlatformTransactionManager transactions, Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.friends = friends;
        this.ledger = ledger;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    Verdict receive(String webhookKey, String signature, byte[] body, String clientAddress) {
        Optional<Long> shop = accounts.shopForWebhook(webhookKey);
        if (shop.isEmpty()) {
            log.warn("LINE webhook for an unknown key from " + clientAddress);
            return Verdict.UNKNOWN_SHOP;
        }
        return CurrentTenant.callAs(shop.get(), () -> {
            Optional<LineCredentials> credentials = accounts.credentials();
            if (credentials.isEmpty() || !LineSignature.valid(body, signature, credentials.get().channelSecret())) {
                log.warn("LINE webhook of shop " + shop.get() + " refused: " + (signature == null ? "unsigned" : "wrong signature")
                        + " request from " + clientAddress);
                return Verdict.BAD_SIGNATURE;
            }
            JsonNode events;
            try {
                events = json.readTree(body).path("events");
            } catch (JacksonException | IllegalArgumentException e) {
                log.warn("LINE webhook of shop " + shop.get() + ": a signed body that is not JSON");
                return Verdict.MALFORMED;
            }
            Instant now = clock.instant();
            transaction.executeWithoutResult(status -> events.forEach(event -> handle(event, now)));
            return Verdict.ACCEPTED;
        });
    }

    private void handle(JsonNode event, Instant now) {
        Instant at = Instant.ofEpochMilli(event.path("timestamp").asLong(0));
        String userId = event.path("source").path("userId").asString("");
        String type = event.path("type").asString("");
        if (userId.isEmpty()) {
            return;
        }
        if (type.equals("unfollow")) {
            // a withdrawal is honoured however late LINE redelivers it (replaying one can only stop messages),
            // but never undoes a link the customer made after it
            for (long customer : friends.unfollowed(userId, at.isAfter(now) ? now : at, now)) {
                ledger.recordByCustomer(customer, ConsentChannel.LINE, false, false, UNFOLLOW_METHOD, null, null);
            }
            return;
        }
        if (at.isBefore(now.minus(REPLAY_WINDOW)) || at.isAfter(now.plus(REPLAY_WINDOW))) {
            log.warn("LINE webhook of shop " + CurrentTenant.require() + ": ignored an event from " + at + " (replayed?)");
            return;
        }
        switch (type) {
            case "message" -> {
                JsonNode message = event.path("message");
                if ("text".equals(message.path("type").asString(""))) {
                    codes.use(message.path("text").asString(""), now).ifPresent(customer -> {
                        friends.link(customer, userId, at);
                        ledger.recordByCustomer(customer, ConsentChannel.LINE, true, false, LINK_METHOD, LINK_WORDING,
                                null);
                    });
                }
            }
            default -> {
                // follow, postback and the rest: nothing to record; the customer links by sending the code
            }
        }
    }
}
