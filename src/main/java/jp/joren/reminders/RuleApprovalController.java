package jp.joren.reminders;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner sees a rule's waiting batch (how many, a few real messages) and sends it or discards it. */
@Controller
@RequestMapping("/reminders/rules/{rule}/approval")
class RuleApprovalController {

    private final RuleApprovals approvals;
    private final ReminderRules rules;
    private final Letters letters;
    private final LetterWriter writer;

    RuleApprovalController(RuleApprovals approvals, ReminderRules rules, Letters letters, LetterWriter writer) {
        this.approvals = approvals;
        this.rules = rules;
        this.letters = letters;
        this.writer = writer;
    }

    @GetMapping
    @Transactional(readOnly = true)
    String batch(@PathVariable ReminderRule rule, Model model) {
        RuleSettings settings = rules.get(rule);
        List<Letter> samples = letters.all(approvals.samples(rule, null));
        model.addAttribute("rule", rule);
        model.addAttribute("batch", approvals.waiting(rule, null));
        model.addAttribute("samples", samples);
        model.addAttribute("previews", samples.stream().map(letter -> writer.write(letter, settings)).toList());
        return "reminders/approval";
    }

    @PostMapping("/approve")
    @Transactional
    String approve(@PathVariable ReminderRule rule, RedirectAttributes redirect) {
        redirect.addFlashAttribute("approved", approvals.approve(rule, null));
        return "redirect:/reminders/rules/" + rule.name() + "/approval";
    }

    @PostMapping("/discard")
    @Transactional
    String discard(@PathVariable ReminderRule rule, RedirectAttributes redirect) {
        redirect.addFlashAttribute("discarded", approvals.discard(rule, null));
        return "redirect:/reminders/rules/" + rule.name() + "/approval";
    }
}
