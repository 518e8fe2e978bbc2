package jp.joren.reminders.campaigns;

import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jp.joren.accounts.OwnerOnly;
import jp.joren.customers.SavedSegments;
import jp.joren.reminders.Offer;
import jp.joren.reminders.ReminderQueue;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.letters.Previews;
import jp.joren.reminders.outbox.OutboxQueries;
import jp.joren.reminders.rules.ChannelOrder;
import jp.joren.segments.TradeAreaTier;
import jp.joren.shared.EditConflict;
import jp.joren.shared.NotFoundException;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The year at a glance (年間で俯瞰): the shop's campaigns month by month, each planned with its day, kind,
 * wording, offer and hold-out share; the eligible count is shown before anything goes out.
 */
@OwnerOnly
@Controller
@RequestMapping("/reminders/campaigns")
@RequiredArgsConstructor
class CampaignController {

    private final Campaigns campaigns;
    private final ReminderQueue queue;
    private final OutboxQueries outbox;
    private final ShopSettings shop;
    private final MessageSource messages;
    private final Previews previews;
    private final SavedSegments savedSegments;

    private static final List<String> SEGMENTS = List.of("FIRST", "TODDLER", "STEADY", "TREND", "LOYAL");

    /** The years the calendar shows; any other asked for opens this year. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    @GetMapping
    @Transactional(readOnly = true)
    String year(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null || year < FIRST_YEAR || year > LAST_YEAR ? shop.today().getYear() : year;
        Map<Month, List<Campaign>> byMonth = new TreeMap<>();
        Arrays.stream(Month.values()).forEach(month -> byMonth.put(month, List.of()));
        byMonth.putAll(campaigns.ofYear(shown).stream()
                .collect(Collectors.groupingBy(campaign -> campaign.scheduledOn().getMonth())));
        Map<Month, List<SeasonalIdea>> ideas = new TreeMap<>();
        byMonth.forEach((month, planned) -> ideas.put(month, planned.isEmpty() ? SeasonalIdea.of(month, shown) : List.of()));
        model.addAttribute("year", shown);
        model.addAttribute("months", byMonth);
        model.addAttribute("ideas", ideas);
        return "reminders/campaigns";
    }

    @GetMapping("/new")
    @Transactional(readOnly = true)
    String newCampaign(@RequestParam(required = false) LocalDate on, @RequestParam(required = false) SeasonalIdea idea,
            Locale locale, Model model) {
        CampaignForm form = new CampaignForm();
        form.setScheduledOn(on == null ? shop.today() : on);
        if (idea != null) {
            form.setName(messages.getMessage("campaigns.idea." + idea.name(), null, locale));
            form.setKind(idea.kind());
        }
        model.addAttribute("form", form);
        return page(null, model);
    }

    @PostMapping
    @Transactional
    String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Optional<Long> productId = check(form, result);
        if (result.hasErrors()) {
            return page(null, model);
        }
        long id = campaigns.save(form.toCampaign(null, productId.orElse(null)));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reminders/campaigns/" + id;
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    String show(@PathVariable long id, Model model) {
        Campaign campaign = find(id);
        CampaignForm form = CampaignForm.of(campaign, campaigns.productCode(campaign.productId()).orElse(null));
        form.setVersion(campaigns.version(id));
        model.addAttribute("form", form);
        return page(campaign, model);
    }

    @PostMapping("/{id}")
    @Transactional
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CampaignForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Campaign campaign = find(id);
        if (campaign.queued()) {
            result.reject("campaigns.alreadyQueued");
        }
        Optional<Long> productId = check(form, result);
        if (result.hasErrors()) {
            return page(campaign, model);
        }
        try {
            campaigns.save(form.toCampaign(id, productId.orElse(null)), form.getVersion());
        } catch (EditConflict savedMeanwhile) {
            // the page as this person typed it, beside what the other saved; saving again is their choice
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            Campaign now = find(id);
            if (now.queued()) {
                result.reject("campaigns.alreadyQueued");
                return page(now, model);
            }
            model.addAttribute("conflict", EditConflict.between(
                    CampaignForm.of(now, campaigns.productCode(now.productId()).orElse(null)).snapshot(), form.snapshot()));
            form.setVersion(campaigns.version(id));
            return page(now, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reminders/campaigns/" + id;
    }

    /** Sends it today instead of on its day: its messages are queued now and go out with the next pass. */
    @PostMapping("/{id}/queue")
    @Transactional
    String queueNow(@PathVariable long id, RedirectAttributes redirect) {
        Campaign campaign = find(id);
        if (!campaign.queued()) {
            redirect.addFlashAttribute(campaign.approved() ? "queued" : "queuedAwaiting", queue.queueNow(campaign, shop.today()));
        }
        return "redirect:/reminders/campaigns/" + id;
    }

    /**
     * The preview again while the owner types: the letter of a customer the campaign as typed would reach, else
     * of the sample customer. While the audience typed is not valid yet, the saved one is used (a new campaign's:
     * everyone), so the preview follows the wording whatever else the form says; nothing is saved.
     */
    @PostMapping({"/preview", "/{id}/preview"})
    @Transactional(readOnly = true)
    String livePreview(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") CampaignForm form,
            BindingResult result, Model model) {
        Campaign saved = id == null ? null : find(id);
        Optional<Long> productId = check(form, result);
        boolean audienceValid = result.getFieldErrors().stream()
                .allMatch(error -> List.of("name", "subject", "body").contains(error.getField()));
        Campaign typed = audienceValid ? form.toCampaign(id, productId.orElse(null)) : everyoneOrSaved(saved, form);
        model.addAttribute("preview", previews.beforeQueueing(typed));
        return "reminders/campaign :: live-preview";
    }

    private Campaign everyoneOrSaved(Campaign saved, CampaignForm typed) {
        CampaignForm audience = saved == null ? new CampaignForm()
                : CampaignForm.of(saved, campaigns.productCode(saved.productId()).orElse(null));
        audience.setScheduledOn(saved == null ? shop.today() : saved.scheduledOn());
        audience.setSubject(typed.getSubject());
        audience.setBody(typed.getBody());
        return audience.toCampaign(saved == null ? null : saved.id(), saved == null ? null : saved.productId());
    }

    private Optional<Long> check(CampaignForm form, BindingResult result) {
        for (String field : List.of("subject", "body")) {
            var unknown = LetterWriter.unknownVariables("subject".equals(field) ? form.getSubject() : form.getBody());
            if (!unknown.isEmpty()) {
                result.rejectValue(field, "reminders.rule.unknownVariables", new Object[] {String.join(", ", unknown)},
                        null);
            }
        }
        if (!outbox.senderComplete()) {
            result.reject("campaigns.senderIncomplete");
        }
        form.checkOffer(result);
        if (form.getKind() == Campaign.Kind.SAVED && (form.getSavedSegmentId() == null
                || savedSegments.find(form.getSavedSegmentId()).isEmpty())) {
            // none chosen, or one of another shop, or deleted since the page was opened
            result.rejectValue("savedSegmentId", "campaigns.savedSegmentMissing");
        }
        if (form.getKind() != Campaign.Kind.SEGMENT) {
            return Optional.empty();
        }
        if (!form.hasSegmentFilter()) {
            result.rejectValue("kind", "campaigns.segmentEmpty");
        }
        if (!form.getSegment().isBlank() && !SEGMENTS.contains(form.getSegment())) {
            result.rejectValue("segment", "campaigns.unknownSegment");
        }
        if (!form.getLapsed().isBlank() && !List.of("true", "false").contains(form.getLapsed())) {
            result.rejectValue("lapsed", "campaigns.unknownSegment");
        }
        if (form.getModelId() != null && !campaigns.modelExists(form.getModelId())) {
            result.rejectValue("modelId", "campaigns.unknownModel");
        }
        if (form.getAwayMinDays() != null && form.getAwayMaxDays() != null
                && form.getAwayMinDays() > form.getAwayMaxDays()) {
            result.rejectValue("awayMaxDays", "campaigns.awayRange");
        }
        if (form.getProductCode().isBlank()) {
            return Optional.empty();
        }
        Optional<Campaigns.ProductRef> product = campaigns.productByCode(form.getProductCode());
        if (product.isEmpty()) {
            result.rejectValue("productCode", "campaigns.unknownProduct");
        } else if (product.get().sensitive()) {
            // DESIGN.md §6: a sensitive product (medicine) never chooses whom to write to
            result.rejectValue("productCode", "campaigns.sensitiveProduct");
        }
        return product.filter(found -> !found.sensitive()).map(Campaigns.ProductRef::id);
    }

    private String page(Campaign campaign, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("kinds", Arrays.asList(Campaign.Kind.values()));
        model.addAttribute("segments", SEGMENTS);
        model.addAttribute("models", campaigns.models());
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

    private Campaign find(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }
}
