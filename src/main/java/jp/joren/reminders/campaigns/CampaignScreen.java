package jp.joren.reminders.campaigns;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

import jp.joren.customers.SavedSegments;
import jp.joren.reminders.Offer;
import jp.joren.reminders.ReminderQueue;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.letters.Previews;
import jp.joren.reminders.rules.ChannelOrder;
import jp.joren.segments.TradeAreaTier;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A campaign's page, new or saved: its form, its reach today, its letter previewed, the choices it offers. */
@Component
@RequiredArgsConstructor
class CampaignScreen {

    private final Campaigns campaigns;
    private final CampaignCatalog catalog;
    private final SavedSegments savedSegments;
    private final ReminderQueue queue;
    private final ShopSettings shop;
    private final Previews previews;
    private final MessageSource messages;

    /** A new campaign on {@code on} (today when none), named after the seasonal idea it starts from, if any. */
    CampaignForm blank(LocalDate on, SeasonalIdea idea, Locale locale) {
        CampaignForm form = new CampaignForm();
        form.setScheduledOn(on == null ? shop.today() : on);
        if (idea != null) {
            form.setName(messages.getMessage("campaigns.idea." + idea.name(), null, locale));
            form.setKind(idea.kind());
        }
        return form;
    }

    String show(Campaign campaign, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("kinds", Arrays.asList(Campaign.Kind.values()));
        model.addAttribute("segments", CampaignChecks.SEGMENTS);
        model.addAttribute("models", catalog.models());
        model.addAttribute("savedSegments", savedSegments.all());
        model.addAttribute("tiers", IntStream.rangeClosed(1, TradeAreaTier.TIERS).boxed().toList());
        model.addAttribute("couponKinds", Arrays.asList(Offer.CouponKind.values()));
        model.addAttribute("variables", LetterWriter.VARIABLES);
        model.addAttribute("reach", campaign == null || campaign.queued() ? null : queue.reach(campaign, shop.today()));
        model.addAttribute("channelOrder", campaign == null ? ChannelOrder.DEFAULT : campaigns.channelOrder(campaign.id()));
        model.addAttribute("channelOrders", ChannelOrder.values());
        // a queued campaign can no longer change; its messages are previewed on its approval page and the outbox
        Campaign previewed = campaign != null ? campaign : everyoneOrSaved(null, (CampaignForm) model.getAttribute("form"));
        model.addAttribute("preview", campaign != null && campaign.queued() ? null
                : previews.beforeQueueing(previewed));
        return "reminders/campaign";
    }

    /** The form of a saved campaign, its product named by code as the owner typed it. */
    CampaignForm formOf(Campaign campaign) {
        return CampaignForm.of(campaign, catalog.productCode(campaign.productId()).orElse(null));
    }

    /** The campaign's saved audience (a new one's: everyone) with the wording as typed. */
    Campaign everyoneOrSaved(Campaign saved, CampaignForm typed) {
        CampaignForm audience = saved == null ? new CampaignForm()
                : formOf(saved);
        audience.setScheduledOn(saved == null ? shop.today() : saved.scheduledOn());
        audience.setSubject(typed.getSubject());
        audience.setBody(typed.getBody());
        return audience.toCampaign(saved == null ? null : saved.id(), saved == null ? null : saved.productId());
    }
}
