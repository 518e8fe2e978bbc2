package jp.joren.reminders;

import java.time.Clock;
import java.util.List;

import jp.joren.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner approves a campaign before its day (then its messages go out by themselves on it), or, when its
 * day came first, sees its waiting batch and sends it or discards it.
 */
@Controller
@RequestMapping("/reminders/campaigns/{id}/approval")
class CampaignApprovalController {

    private final Campaigns campaigns;
    private final RuleApprovals approvals;
    private final Letters letters;
    private final LetterWriter writer;
    private final Clock clock;

    CampaignApprovalController(Campaigns campaigns, RuleApprovals approvals, Letters letters, LetterWriter writer,
            Clock clock) {
        this.campaigns = campaigns;
        this.approvals = approvals;
        this.letters = letters;
        this.writer = writer;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    String batch(@PathVariable long id, Model model) {
        Campaign campaign = find(id);
        List<Letter> samples = letters.all(approvals.samples(ReminderRule.CAMPAIGN, id));
        model.addAttribute("campaign", campaign);
        model.addAttribute("batch", approvals.waiting(ReminderRule.CAMPAIGN, id));
        model.addAttribute("samples", samples);
        model.addAttribute("previews", samples.stream().map(letter -> writer.write(letter, campaign.asSettings())).toList());
        return "reminders/campaign-approval";
    }

    /** Approves the campaign as it is; its messages already waiting go out with the next pass. */
    @PostMapping("/approve")
    @Transactional
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        Campaign campaign = find(id);
        campaigns.approve(campaign.id(), clock.instant());
        redirect.addFlashAttribute("approved", approvals.approve(ReminderRule.CAMPAIGN, id));
        return "redirect:/reminders/campaigns/" + id + (campaign.queued() ? "/approval" : "");
    }

    @PostMapping("/discard")
    @Transactional
    String discard(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("discarded", approvals.discard(ReminderRule.CAMPAIGN, find(id).id()));
        return "redirect:/reminders/campaigns/" + id + "/approval";
    }

    private Campaign find(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }
}
