package jp.joren.line;

import java.util.Optional;

import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner connects the shop's LINE official account (under /settings: owners only). */
@Controller
@RequestMapping("/settings/line")
class LineSettingsController {

    private final LineAccounts accounts;
    private final String publicUrl;

    LineSettingsController(LineAccounts accounts, @Value("${joren.public-url}") String publicUrl) {
        this.accounts = accounts;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
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
