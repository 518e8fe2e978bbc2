package jp.joren.line;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jp.joren.accounts.OwnerOnly;
import jp.joren.shared.SiteProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner connects the shop's LINE official account (under /settings: owners only). */
@OwnerOnly
@Controller
@RequestMapping("/settings/line")
class LineSettingsController {

    /** A LINE user id: U and 32 hexadecimal digits. */
    private static final Pattern USER_ID = Pattern.compile("U[0-9a-f]{32}");

    private final LineAccounts accounts;
    private final LineTestMessages tests;
    private final String publicUrl;

    LineSettingsController(LineAccounts accounts, LineTestMessages tests, SiteProperties site) {
        this.accounts = accounts;
        this.tests = tests;
        this.publicUrl = site.publicUrl();
    }

    @GetMapping
    String show(Model model) {
        Optional<LineAccountView> account = accounts.view();
        if (!model.containsAttribute("lineForm")) {
            model.addAttribute("lineForm", account.map(LineForm::of).orElseGet(LineForm::new));
        }
        return page(model, account);
    }

    @PostMapping
    String save(@Valid @ModelAttribute LineForm lineForm, BindingResult result, Model model, RedirectAttributes redirect) {
        Optional<LineAccountView> account = accounts.view();
        if (!result.hasFieldErrors("sendFrom") && !result.hasFieldErrors("sendUntil")
                && !lineForm.getSendFrom().isBefore(lineForm.getSendUntil())) {
            result.rejectValue("sendUntil", "line.validation.hours");
        }
        if (account.isEmpty() && blank(lineForm.getChannelSecret())) {
            result.rejectValue("channelSecret", "line.validation.required");
        }
        if (account.isEmpty() && blank(lineForm.getAccessToken())) {
            result.rejectValue("accessToken", "line.validation.required");
        }
        if (result.hasErrors()) {
            lineForm.setChannelSecret(null);
            lineForm.setAccessToken(null);
            return page(model, account);
        }
        accounts.connect(lineForm.connection());
        redirect.addFlashAttribute("notice", "line.saved");
        return "redirect:/settings/line";
    }

    /** The owner's test message to their own LINE account; the page says what LINE answered. */
    @PostMapping("/test")
    String test(@RequestParam(defaultValue = "") String userId, Locale locale, RedirectAttributes redirect) {
        String id = userId.trim();
        if (!USER_ID.matcher(id).matches()) {
            redirect.addFlashAttribute("notice", "line.test.badUserId");
            return "redirect:/settings/line";
        }
        redirect.addFlashAttribute("notice", tests.send(id, locale)
                .map(result -> result.outcome() == PushResult.Outcome.ACCEPTED ? "line.test.sent" : "line.test.failed")
                .orElse("line.test.notConnected"));
        return "redirect:/settings/line";
    }

    private String page(Model model, Optional<LineAccountView> account) {
        model.addAttribute("account", account.orElse(null));
        model.addAttribute("webhookUrl", account.map(a -> publicUrl + LineWebhookController.PATH + a.webhookKey())
                .orElse(null));
        return "line/settings";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
