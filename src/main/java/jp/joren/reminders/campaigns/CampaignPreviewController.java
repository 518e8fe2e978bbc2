package jp.joren.reminders.campaigns;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jp.joren.accounts.OwnerOnly;
import jp.joren.reminders.letters.Previews;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The campaign's letter previewed again while the owner types (htmx); nothing is saved. */
@OwnerOnly
@Controller
@RequestMapping("/reminders/campaigns")
@RequiredArgsConstructor
class CampaignPreviewController {

    private final Campaigns campaigns;
    private final CampaignChecks checks;
    private final CampaignScreen screen;
    private final Previews previews;

    /**
     * The preview again while the owner types: the letter of a customer the campaign as typed would reach, else
     * of the sample customer. While the audience typed is not valid yet, the saved one is used (a new campaign's:
     * everyone), so the preview follows the wording whatever else the form says; nothing is saved.
     */
    @PostMapping({"/preview", "/{id}/preview"})
    @Transactional(readOnly = true)
    String livePreview(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") CampaignForm form,
            BindingResult result, Model model) {
        Campaign saved = id == null ? null : campaigns.require(id);
        Optional<Long> productId = checks.check(form, result);
        boolean audienceValid = result.getFieldErrors().stream()
                .allMatch(error -> List.of("name", "subject", "body").contains(error.getField()));
        Campaign typed = audienceValid ? form.toCampaign(id, productId.orElse(null)) : screen.everyoneOrSaved(saved, form);
        model.addAttribute("preview", previews.beforeQueueing(typed));
        return "reminders/campaign :: live-preview";
    }
}
