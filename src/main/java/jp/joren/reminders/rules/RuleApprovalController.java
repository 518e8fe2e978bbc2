package jp.joren.reminders.rules;

import jp.joren.accounts.JorenUser;
import jp.joren.accounts.OwnerOnly;
import jp.joren.reminders.letters.MessagePreview;
import jp.joren.reminders.letters.Previews;
import jp.joren.reminders.letters.TestSends;
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

/** The owner sees a rule's waiting batch (how many, a few real messages) and sends it or discards it. */
@OwnerOnly
@Controller
@RequestMapping("/reminders/rules/{rule}/approval")
@RequiredArgsConstructor
class RuleApprovalController {

    private final RuleApprovals approvals;
    private final ReminderRules rules;
    private final Previews previews;
    private final TestSends tests;

    @GetMapping
    @Transactional(readOnly = true)
    String batch(@PathVariable ReminderRule rule, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("batch", approvals.waiting(rule, null));
        model.addAttribute("previews", previews.of(approvals.samples(rule, null), rules.get(rule)));
        return "reminders/approval";
    }

    @PostMapping("/approve")
    @Transactional
    String approve(@PathVariable ReminderRule rule, RedirectAttributes redirect) {
        redirect.addFlashAttribute("approved", approvals.approve(rule, null));
        return "redirect:/reminders/rules/" + rule.name() + "/approval";
    }

    /** Sends the owner a waiting message of the rule, or the one it would send today, as a test. */
    @PostMapping("/test")
    @Transactional(readOnly = true)
    String test(@PathVariable ReminderRule rule, @AuthenticationPrincipal JorenUser owner, RedirectAttributes redirect) {
        RuleSettings settings = rules.get(rule);
        MessagePreview preview = previews.of(approvals.samples(rule, null), settings).stream().findFirst()
                .orElseGet(() -> previews.beforeQueueing(Recipients.of(settings, RuleStart.UNBOUNDED), settings));
        redirect.addFlashAttribute(tests.send(preview, owner.getUsername()) ? "testSent" : "testFailed",
                owner.getUsername());
        return "redirect:/reminders/rules/" + rule.name() + "/approval";
    }

    @PostMapping("/discard")
    @Transactional
    String discard(@PathVariable ReminderRule rule, RedirectAttributes redirect) {
        redirect.addFlashAttribute("discarded", approvals.discard(rule, null));
        return "redirect:/reminders/rules/" + rule.name() + "/approval";
    }
}
