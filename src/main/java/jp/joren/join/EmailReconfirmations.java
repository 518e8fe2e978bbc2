package jp.joren.join;

import java.util.Locale;

import jp.joren.shared.PublicLinks;
import jp.joren.shops.Shop;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way back for a customer who unsubscribed by mistake: the same double opt-in as the public page. A
 * pending email consent goes into the ledger and the confirmation link to the customer's address; only the
 * link makes the consent count (and lifts the refusal, {@link EmailConsentConfirmed}).
 */
@Service
@RequiredArgsConstructor
public class EmailReconfirmations {

    /** Written in the consent ledger as how the renewed consent was asked for. */
    static final String METHOD = "UNSUBSCRIBE_UNDONE";

    private final PublicSignup signup;
    private final JoinMailer mailer;
    private final ShopSettings shops;
    private final PublicLinks links;

    /** Sends the current shop's customer a confirmation link. @return whether there was an address to send it to */
    @Transactional
    public boolean request(long customerId, String clientAddress, Locale locale) {
        PublicSignup.Outcome outcome = signup.askToConfirm(customerId, METHOD, clientAddress);
        PublicSignup.ConfirmationLink confirmation = outcome.link();
        if (confirmation == null) {
            return false;
        }
        Shop shop = shops.currentShop();
        String link = links.to("/join/{slug}/confirm").queryParam("token", confirmation.token())
                .buildAndExpand(shop.getSlug()).toUriString();
        mailer.sendConfirmation(confirmation.email(), link, shop.getName(), shop.getSenderEmail(), locale);
        return true;
    }
}
