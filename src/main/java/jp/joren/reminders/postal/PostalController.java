package jp.joren.reminders.postal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jp.joren.accounts.JorenUser;
import jp.joren.accounts.OwnerOnly;
import jp.joren.reminders.PostalList;
import jp.joren.shared.CsvDownload;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's postal DM list: the waiting letters, their labels (CSV and a printable A4 page), their postcards,
 * and "posted".
 */
@OwnerOnly
@Controller
@RequestMapping("/reminders/postal")
@RequiredArgsConstructor
class PostalController {

    private final PostalList postal;
    private final Postcards postcards;
    private final ShopSettings shop;
    private final MessageSource messages;
    private final CsvDownload download;

    @GetMapping
    String list(Model model) {
        List<PostalLabel> labels = postal.waiting(shop.today());
        model.addAttribute("labels", labels);
        model.addAttribute("upTo", labels.stream().mapToLong(PostalLabel::messageId).max().orElse(0));
        return "reminders/postal";
    }

    @GetMapping("/labels")
    String labels(Model model) {
        model.addAttribute("labels", postal.waiting(shop.today()));
        return "reminders/labels";
    }

    /** はがき, 100 × 148 mm: each letter's message side, then its address side, for double-sided printing. */
    @GetMapping("/postcards")
    String postcards(Model model) {
        model.addAttribute("postcards", postcards.waiting(shop.today()));
        return "reminders/postcards";
    }

    @GetMapping("/labels.csv")
    void csv(@AuthenticationPrincipal JorenUser owner, Locale locale, HttpServletResponse response) throws IOException {
        LocalDate today = shop.today();
        List<String> header = List.of("postalCode", "address", "name", "coupon", "couponValidUntil").stream()
                .map(column -> messages.getMessage("reminders.postal.csv." + column, null, locale)).toList();
        String honorific = messages.getMessage("reminders.postal.honorific", null, locale);
        download.send(response, "postal-dm-" + today + ".csv",
                out -> postal.export(today, header, honorific, out, owner.accountId()));
    }

    @PostMapping("/posted")
    String posted(@RequestParam long upTo, RedirectAttributes redirect) {
        redirect.addFlashAttribute("posted", postal.markPosted(shop.today(), upTo));
        return "redirect:/reminders/postal";
    }
}
