package jp.joren.join;

import java.util.Locale;

import jp.joren.shops.Shop;
import jp.joren.shops.ShopSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The way back for a customer who unsubscribed by mistake: the same double opt-in as the public page. A
 * pending email consent goes into the ledger and the confirmation link to the customer's address; only the
 * link makes the consent count (and lifts the refusal, {@link EmailConsentConfirmed}).
 */
@Service
public class EmailReconfirmations {

    /** Written in the consent ledger as how the renewed consent was asked for. */
    static final String METHOD = "UNSUBSCRIBE_UNDONE";

    private final PublicSignup signup;
    private final JoinMailer mailer;
    private final ShopSettings shops;
    private final String publicUrl;

    EmailReconfirmations(PublicSignup signup, JoinMailer mailer, ShopSettings shops,
            @Value("${joren.public-url}") String publicUrl) {
        this.signup = signup;
        this.mailer = mailer;
        this.shops = shops;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Sends the current shop's customer a confirmation link. @return whether the mail server took it */
    @Transactional
    public boolean request(long customerId, String clientAddress, Locale locale) {
        PublicSignup.Outcome outcome = signup.askToConfirm(customerId, METHOD, clientAddress);
        if (outcome.token() == null) {
            return false;
        }
        Shop shop = shops.currentShop();
        String link = UriComponentsBuilder.fromUriString(publicUrl).path("/join/{slug}/confirm")
                .queryParam("token", outcome.token()).buildAndExpand(shop.getSlug()).toUriString();
        return mailer.sendConfirmation(outcome.email(), link, shop.getName(), shop.getSenderEmail(), locale);
    }
}
