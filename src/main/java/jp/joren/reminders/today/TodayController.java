package jp.joren.reminders.today;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import jp.joren.accounts.JorenUser;
import jp.joren.reminders.TodayList;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Today's list for every member of staff: who to contact and why, for the shop or one store, and what they
 * did about it. An action answers htmx with the item's row as everyone now sees it, and the new count.
 */
@Controller
@RequestMapping("/today")
@RequiredArgsConstructor
class TodayController {

    private static final Set<String> OUTCOMES = Set.of("DONE", "CALLED", "VOICEMAIL", "NOT_NOW");
    private static final Set<String> REASONS = Set.of("LOYAL_NOT_SEEN", "PART_DUE", "COUPON_EXPIRING", "OVERDUE", "BIRTHDAY",
            "LAPSED_TOP");
    /** The furthest a clerk may put off calling again after a voicemail. */
    private static final int CALL_AGAIN_WITHIN_DAYS = 60;

    private final TodayList today;
    private final ContactOutcomes outcomes;
    private final ShopSettings shop;
    private final Clock clock;

    @GetMapping
    @Transactional(readOnly = true)
    String list(@RequestParam(required = false) Long store, @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate date = shop.today();
        int shown = Math.max(0, page);
        TodayList.Count count = today.count(store);
        model.addAttribute("items", today.page(store, shown, date));
        model.addAttribute("count", count);
        model.addAttribute("stores", shop.stores());
        model.addAttribute("store", store);
        model.addAttribute("page", shown);
        model.addAttribute("lastPage", (int) Math.max(0, (count.all() - 1) / TodayList.PAGE_SIZE));
        model.addAttribute("today", date);
        model.addAttribute("callAgainLatest", date.plusDays(CALL_AGAIN_WITHIN_DAYS));
        return "reminders/today";
    }

    @PostMapping
    @Transactional
    String record(@RequestParam long customerId, @RequestParam String reason, @RequestParam String occasion,
            @RequestParam String outcome, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate callAgainOn,
            @RequestParam(required = false) Long store,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal JorenUser clerk, Model model) {
        LocalDate date = shop.today();
        boolean voicemail = "VOICEMAIL".equals(outcome);
        if (!OUTCOMES.contains(outcome) || !REASONS.contains(reason) || note.length() > 500 || occasion.length() > 200
                || voicemail && (callAgainOn == null || !callAgainOn.isAfter(date)
                                 || callAgainOn.isAfter(date.plusDays(CALL_AGAIN_WITHIN_DAYS)))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        outcomes.record(customerId, reason, occasion, outcome, note, voicemail ? callAgainOn : null, clerk.accountId(),
                date, clock.instant());
        if (htmx == null) {
            return "redirect:/today";
        }
        model.addAttribute("item", today.item(customerId, reason, occasion, date).orElse(null));
        model.addAttribute("count", today.count(store));
        model.addAttribute("today", date);
        model.addAttribute("callAgainLatest", date.plusDays(CALL_AGAIN_WITHIN_DAYS));
        return "reminders/today :: acted";
    }
}
