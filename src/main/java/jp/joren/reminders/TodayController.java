package jp.joren.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import jp.joren.accounts.JorenUser;
import jp.joren.shops.ShopSettings;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Today's list for every member of staff: who to contact and why, and what they did about it. */
@Controller
@RequestMapping("/today")
class TodayController {

    private static final Set<String> OUTCOMES = Set.of("DONE", "CALLED", "NOT_NOW");
    private static final Set<String> REASONS = Set.of("LOYAL_NOT_SEEN", "PART_DUE", "COUPON_EXPIRING", "OVERDUE", "BIRTHDAY",
            "LAPSED_TOP");

    private final TodayList today;
    private final ShopSettings shop;
    private final Clock clock;

    TodayController(TodayList today, ShopSettings shop, Clock clock) {
        this.today = today;
        this.shop = shop;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    String list(Model model) {
        model.addAttribute("items", today.items(date()));
        model.addAttribute("length", TodayList.LENGTH);
        return "reminders/today";
    }

    @PostMapping
    @Transactional
    String record(@RequestParam long customerId, @RequestParam String reason, @RequestParam String occasion,
            @RequestParam String outcome, @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal JorenUser clerk) {
        if (!OUTCOMES.contains(outcome) || !REASONS.contains(reason) || note.length() > 500) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        today.record(customerId, reason, occasion, outcome, note, clerk.accountId(), date());
        return "redirect:/today";
    }

    private LocalDate date() {
        return LocalDate.now(clock.withZone(shop.zone()));
    }
}
