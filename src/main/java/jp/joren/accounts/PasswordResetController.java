package jp.joren.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jp.joren.shared.SecretToken;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?" from the login page: ask for a link, then choose a new password with it. */
@Controller
@RequestMapping("/password-reset")
@RequiredArgsConstructor
class PasswordResetController {

    private final PasswordRecovery recovery;

    @GetMapping
    String requestForm(Model model) {
        model.addAttribute("resetRequestForm", new ResetRequestForm());
        return "accounts/reset-request";
    }

    /** The same answer whether or not the email has an account. */
    @PostMapping
    String request(@Valid @ModelAttribute ResetRequestForm resetRequestForm, BindingResult result,
            HttpServletRequest request) {
        if (result.hasErrors()) {
            return "accounts/reset-request";
        }
        recovery.request(resetRequestForm.getEmail(), request.getRemoteAddr());
        return "redirect:/password-reset/sent";
    }

    @GetMapping("/sent")
    String sent() {
        return "accounts/reset-sent";
    }

    @GetMapping("/choose")
    String chooseForm(@RequestParam(defaultValue = "") String token, Model model) {
        if (!recovery.usable(new SecretToken(token))) {
            return "accounts/reset-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("passwordForm", new PasswordForm());
        return "accounts/reset-choose";
    }

    @PostMapping("/choose")
    String choose(@RequestParam(defaultValue = "") String token, @Valid @ModelAttribute PasswordForm passwordForm,
            BindingResult result, Model model) {
        if (result.hasErrors()) {
            if (!recovery.usable(new SecretToken(token))) {
                return "accounts/reset-invalid";
            }
            model.addAttribute("token", token);
            return "accounts/reset-choose";
        }
        return recovery.reset(new SecretToken(token), passwordForm.getPassword())
                ? "redirect:/login?reset" : "accounts/reset-invalid";
    }
}
