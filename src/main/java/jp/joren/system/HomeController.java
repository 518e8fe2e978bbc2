package jp.joren.system;

import jp.joren.purchases.LatestReceipts;
import jp.joren.reminders.TodayList;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@RequiredArgsConstructor
class HomeController {

    /** As many receipts as a clerk glances at: enough to find the one a customer comes back about. */
    private static final int RECEIPTS_SHOWN = 8;

    private final HomeFigures figures;
    private final FirstSteps firstSteps;
    private final TodayList todayList;
    private final LatestReceipts receipts;

    @GetMapping("/")
    String welcome(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() ? "redirect:/home" : "system/welcome";
    }

    @GetMapping("/home")
    String home(Authentication authentication, Model model) {
        // the shop's sales figures are the owner's; the counter gets what it needs next
        if (authentication.getAuthorities().stream().anyMatch(role -> "ROLE_OWNER".equals(role.getAuthority()))) {
            model.addAttribute("figures", figures.current());
            model.addAttribute("firstSteps", firstSteps.current());
        }
        model.addAttribute("openContacts", todayList.open());
        model.addAttribute("receipts", receipts.today(RECEIPTS_SHOWN));
        return "system/home";
    }
}
