package jp.joren.reminders.outbox;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jp.joren.accounts.OwnerOnly;
import jp.joren.reminders.ReminderPolicies;
import jp.joren.reminders.ReminderPolicy;
import jp.joren.reminders.letters.Letter;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.letters.Letters;
import jp.joren.reminders.letters.Wordings;
import jp.joren.reminders.results.ReminderResults;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.shared.NotFoundException;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's reminders: the rules at a glance and the limits, the outbox with each message's reason, a preview, sending. */
@OwnerOnly
@Controller
@RequestMapping("/reminders")
@RequiredArgsConstructor
class ReminderController {

    private final ReminderRules rules;
    private final ReminderPolicies policies;
    private final OutboxQueries outbox;
    private final Letters letters;
    private final LetterWriter writer;
    private final SendNow sendNow;
    private final ReminderResults results;
    private final Wordings wordings;
    private final ShopSettings shop;

    @GetMapping
    @Transactional(readOnly = true)
    String overview(Model model) {
        model.addAttribute("rules", rules.all().values());
        model.addAttribute("counts", outbox.countsByRule());
        model.addAttribute("policy", policies.current());
        model.addAttribute("senderComplete", outbox.senderComplete());
        return "reminders/overview";
    }

    @PostMapping("/policy")
    @Transactional
    String savePolicy(@RequestParam int frequencyCapDays, @RequestParam int emailsPerMinute,
            RedirectAttributes redirect) {
        if (frequencyCapDays < 1 || frequencyCapDays > 365 || emailsPerMinute < 1 || emailsPerMinute > 100_000) {
            redirect.addFlashAttribute("policyError", true);
        } else {
            policies.save(new ReminderPolicy(frequencyCapDays, emailsPerMinute));
            redirect.addFlashAttribute("saved", true);
        }
        return "redirect:/reminders";
    }

    @GetMapping("/outbox")
    @Transactional(readOnly = true)
    String outbox(@RequestParam(required = false) String status, @RequestParam(required = false) ReminderRule rule,
            Model model) {
        model.addAttribute("messages", outbox.latest(status == null || status.isBlank() ? null : status, rule));
        model.addAttribute("status", status);
        model.addAttribute("rule", rule);
        model.addAttribute("statuses", List.of("AWAITING_APPROVAL", "QUEUED", "HELD", "SENDING", "SENT", "UNCONFIRMED", "FAILED", "WITHDRAWN"));
        model.addAttribute("ruleChoices", Arrays.asList(ReminderRule.values()));
        model.addAttribute("senderComplete", outbox.senderComplete());
        model.addAttribute("page", OutboxQueries.PAGE);
        model.addAttribute("sending", sendNow.latest().orElse(null));
        return "reminders/outbox";
    }

    @GetMapping("/outbox/{id}")
    @Transactional(readOnly = true)
    String message(@PathVariable long id, Model model) {
        Letter letter = letters.find(id).orElseThrow(() -> new NotFoundException("outbox message", id));
        model.addAttribute("letter", letter);
        model.addAttribute("written", writer.write(letter, wordings.reader().apply(letter)));
        return "reminders/message";
    }

    /**
     * Did it work: the messages of the last {@code months} months, each side's visits within {@code days} of its
     * message. Recent messages have had less time; both sides alike, so the comparison stays fair.
     */
    @GetMapping("/results")
    @Transactional(readOnly = true)
    String results(@RequestParam(defaultValue = "30") int days, @RequestParam(defaultValue = "6") int months,
            Model model) {
        int window = Math.max(1, Math.min(days, ReminderResults.MAX_DAYS));
        int back = Math.max(1, Math.min(months, 24));
        LocalDate from = shop.today().minusMonths(back);
        model.addAttribute("results", results.since(from, window));
        model.addAttribute("channelResults", results.byChannel(from, window));
        model.addAttribute("days", window);
        model.addAttribute("months", back);
        model.addAttribute("from", from);
        return "reminders/results";
    }

    /**
     * Sends what is due now instead of waiting for the next pass of the sender (at most half a minute): in the
     * background, so the page answers at once and follows the pass.
     */
    @PostMapping("/outbox/send")
    String send(RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", sendNow.request() ? "reminders.outbox.sendQueued" : "reminders.outbox.alreadySending");
        return "redirect:/reminders/outbox";
    }

    /** The latest "send now", polled by the outbox page while it waits or sends. */
    @GetMapping("/outbox/sending")
    String sending(Model model) {
        model.addAttribute("sending", sendNow.latest().orElse(null));
        return "reminders/outbox :: sending";
    }
}
