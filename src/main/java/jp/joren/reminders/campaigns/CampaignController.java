package jp.joren.reminders.campaigns;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;
import jp.joren.accounts.OwnerOnly;
import jp.joren.reminders.ReminderQueue;
import jp.joren.shared.EditConflict;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
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
 * A campaign planned with its day, kind, wording, offer and hold-out share; the eligible count is shown before
 * anything goes out.
 */
@OwnerOnly
@Controller
@RequestMapping("/reminders/campaigns")
@RequiredArgsConstructor
class CampaignController {

    private final Campaigns campaigns;
    private final CampaignChecks checks;
    private final CampaignScreen screen;
    private final ReminderQueue queue;
    private final ShopSettings shop;

    @GetMapping("/new")
    @Transactional(readOnly = true)
    String newCampaign(@RequestParam(required = false) LocalDate on, @RequestParam(required = false) SeasonalIdea idea,
            Locale locale, Model model) {
        model.addAttribute("form", screen.blank(on, idea, locale));
        return screen.show(null, model);
    }

    @PostMapping
    @Transactional
    String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Optional<Long> productId = checks.check(form, result);
        if (result.hasErrors()) {
            return screen.show(null, model);
        }
        long id = campaigns.save(form.toCampaign(null, productId.orElse(null)));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reminders/campaigns/" + id;
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    String show(@PathVariable long id, Model model) {
        Campaign campaign = campaigns.require(id);
        CampaignForm form = screen.formOf(campaign);
        form.setVersion(campaigns.version(id));
        model.addAttribute("form", form);
        return screen.show(campaign, model);
    }

    @PostMapping("/{id}")
    @Transactional
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CampaignForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Campaign campaign = campaigns.require(id);
        if (campaign.queued()) {
            result.reject("campaigns.alreadyQueued");
        }
        Optional<Long> productId = checks.check(form, result);
        if (result.hasErrors()) {
            return screen.show(campaign, model);
        }
        try {
            campaigns.save(form.toCampaign(id, productId.orElse(null)), form.getVersion());
        } catch (EditConflict savedMeanwhile) {
            // the page as this person typed it, beside what the other saved; saving again is their choice
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            Campaign now = campaigns.require(id);
            if (now.queued()) {
                result.reject("campaigns.alreadyQueued");
                return screen.show(now, model);
            }
            model.addAttribute("conflict", EditConflict.between(
                    screen.formOf(now).snapshot(), form.snapshot()));
            form.setVersion(campaigns.version(id));
            return screen.show(now, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reminders/campaigns/" + id;
    }

    /** Sends it today instead of on its day: its messages are queued now and go out with the next pass. */
    @PostMapping("/{id}/queue")
    @Transactional
    String queueNow(@PathVariable long id, RedirectAttributes redirect) {
        Campaign campaign = campaigns.require(id);
        if (!campaign.queued()) {
            redirect.addFlashAttribute(campaign.approved() ? "queued" : "queuedAwaiting", queue.queueNow(campaign, shop.today()));
        }
        return "redirect:/reminders/campaigns/" + id;
    }
}
