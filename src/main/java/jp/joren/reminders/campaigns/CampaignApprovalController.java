package jp.joren.reminders.campaigns;

import java.time.Clock;

import jp.joren.accounts.JorenUser;
import jp.joren.accounts.OwnerOnly;
import jp.joren.reminders.letters.MessagePreview;
import jp.joren.reminders.letters.Previews;
import jp.joren.reminders.letters.TestSends;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.RuleApprovals;
import jp.joren.shared.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner previews a campaign and approves it before its day (then its messages go out by themselves on
 * it), or, when its day came first, sees its waiting batch and sends it or discards it.
 */
@OwnerOnly
@Controller
@RequestMapping("/reminders/campaigns/{id}/approval")
@RequiredArgsConstructor
class CampaignApprovalController {

    private final Campaigns campaigns;
    private final RuleApprovals approvals;
    private final Previews previews;
    private final TestSends tests;
    private final Clock clock;

    @GetMapping
    @Transactional(readOnly = true)
    String batch(@PathVariable long id, Model model) {
        Campaign campaign = find(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("batch", approvals.waiting(ReminderRule.CAMPAIGN, id));
        model.addAttribute("previews", previews.of(approvals.samples(ReminderRule.CAMPAIGN, id), campaign.asSettings()));
        // before its day: the letter of a customer it would reach
        model.addAttribute("example", campaign.queued() ? null
                : previews.beforeQueueing(campaign));
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

    /** Sends the owner a waiting message of the campaign, or the one it would send today, as a test. */
    @PostMapping("/test")
    @Transactional(readOnly = true)
    String test(@PathVariable long id, @AuthenticationPrincipal JorenUser owner, RedirectAttributes redirect) {
        Campaign campaign = find(id);
        MessagePreview preview = previews.of(approvals.samples(ReminderRule.CAMPAIGN, id), campaign.asSettings())
                .stream().findFirst()
                .orElseGet(() -> previews.beforeQueueing(campaign));
        redirect.addFlashAttribute(tests.send(preview, owner.getUsername()) ? "testSent" : "testFailed",
                owner.getUsername());
        return "redirect:/reminders/campaigns/" + id + "/approval";
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
