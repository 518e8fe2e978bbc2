package jp.joren.reminders.rules;

import jp.joren.accounts.OwnerOnly;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner chooses the channels a rule tries, in order (e.g. LINE, then email, then post). */
@OwnerOnly
@Controller
@RequiredArgsConstructor
class RuleChannelsController {

    private final ReminderRules rules;

    @PostMapping("/reminders/rules/{rule}/channels")
    @Transactional
    String save(@PathVariable ReminderRule rule, @RequestParam ChannelOrder channels, RedirectAttributes redirect) {
        if (!rule.isRule()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        rules.saveChannelOrder(rule, channels);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reminders/rules/" + rule.name();
    }
}
