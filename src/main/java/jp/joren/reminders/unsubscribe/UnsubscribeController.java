package jp.joren.reminders.unsubscribe;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The email's unsubscribe link, public. Opening it shows a button (mail scanners open links; they must not
 * unsubscribe anyone); the button, or a mail client's one-click POST (RFC 8058), unsubscribes.
 */
@Controller
@RequestMapping("/u/{token}")
@RequiredArgsConstructor
class UnsubscribeController {

    private final Unsubscribes unsubscribes;

    @GetMapping
    String page(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        show(model, unsubscribes.find(token));
        model.addAttribute("done", false);
        return "reminders/unsubscribe";
    }

    @PostMapping
    String unsubscribe(@PathVariable String token, Model model, HttpServletRequest request) {
        model.addAttribute("token", token);
        show(model, unsubscribes.unsubscribe(token, request.getRemoteAddr()));
        model.addAttribute("done", true);
        return "reminders/unsubscribe";
    }

    /** "間違えた場合": emails the customer a link that confirms their address again (double opt-in). */
    @PostMapping("/resubscribe")
    String resubscribe(@PathVariable String token, Model model, HttpServletRequest request, Locale locale) {
        model.addAttribute("token", token);
        model.addAttribute("asked", unsubscribes.askToResubscribe(token, request.getRemoteAddr(), locale));
        show(model, unsubscribes.find(token));
        model.addAttribute("done", true);
        return "reminders/unsubscribe";
    }

    /** A mail client's one-click unsubscribe: no page to show, only the answer. */
    @PostMapping(params = "List-Unsubscribe")
    ResponseEntity<Void> oneClick(@PathVariable String token, @RequestParam("List-Unsubscribe") String value,
            HttpServletRequest request) {
        return unsubscribes.unsubscribe(token, request.getRemoteAddr()).isPresent()
                ? ResponseEntity.ok().build() : ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }

    /** The recipient, and the shop's name, which the page carries instead of Joren's. */
    private static void show(Model model, Optional<Unsubscribes.Recipient> recipient) {
        model.addAttribute("recipient", recipient.orElse(null));
        model.addAttribute("shopName", recipient.map(Unsubscribes.Recipient::shopName).orElse(null));
    }
}
