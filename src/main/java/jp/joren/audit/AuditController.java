package jp.joren.audit;

import jp.joren.accounts.OwnerOnly;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The owner reads the audit log, newest first. */
@OwnerOnly
@Controller
@RequiredArgsConstructor
class AuditController {

    private static final int PAGE_SIZE = 100;

    private final AuditTrail trail;

    @GetMapping("/audit")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        // a page past any shop's log is the last possible one, not an offset that overflows
        int shown = Math.min(Math.max(0, page), Integer.MAX_VALUE / (PAGE_SIZE + 1) - 1);
        var events = trail.recent(shown * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("events", events.subList(0, Math.min(PAGE_SIZE, events.size())));
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", events.size() > PAGE_SIZE);
        return "audit/list";
    }
}
